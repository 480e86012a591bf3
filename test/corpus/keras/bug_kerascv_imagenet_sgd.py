# Idiom seen in: keras-team/keras-cv examples/training/classification/imagenet/basic_training.py
# What it reproduces: absl-flag ImageNet trainer that puts FLAGS.weight_decay straight into the Keras SGD
# optimizer (decoupled decay of the new optimizers) on a BatchNorm ResNet, with no
# exclude_from_weight_decay: the decay also shrinks BN gamma/beta and the classifier bias (WD203 only; the
# wiring is fine because the decay lives in the optimizer).
import sys

import tensorflow as tf
from absl import flags
from tensorflow import keras
from tensorflow.keras import callbacks, losses, metrics, optimizers

import keras_cv
from keras_cv import models
from keras_cv.datasets import imagenet

flags.DEFINE_string("model_name", "ResNet50V2", "Name of the KerasCV model to train.")
flags.DEFINE_string("imagenet_path", None, "Directory holding the Imagenet TFRecords.")
flags.DEFINE_string("weights_path", "/tmp/weights", "Where to store checkpoints.")
flags.DEFINE_integer("batch_size", 128, "Per-accelerator batch size.")
flags.DEFINE_float("initial_learning_rate", 0.05, "Per-accelerator initial learning rate.")
flags.DEFINE_float("weight_decay", 5e-4, "Weight decay parameter for the optimizer")
flags.DEFINE_boolean("use_ema", True, "Whether to use exponential moving average of the weights.")
flags.DEFINE_string("learning_rate_schedule", "ReduceOnPlateau", "ReduceOnPlateau or CosineDecayWithWarmup")
flags.DEFINE_integer("epochs", 1000, "Upper bound on epochs (EarlyStopping ends training).")

FLAGS = flags.FLAGS
FLAGS(sys.argv)

NUM_CLASSES = 1000
IMAGE_SIZE = (224, 224)
NUM_IMAGES = 1281167

try:
    tpu = tf.distribute.cluster_resolver.TPUClusterResolver.connect()
    strategy = tf.distribute.TPUStrategy(tpu)
except ValueError:
    strategy = tf.distribute.MirroredStrategy()

BATCH_SIZE = FLAGS.batch_size * strategy.num_replicas_in_sync
INITIAL_LEARNING_RATE = FLAGS.initial_learning_rate * strategy.num_replicas_in_sync

train_ds = imagenet.load(split="train", tfrecord_path=FLAGS.imagenet_path, shuffle_buffer=BATCH_SIZE * 8)
test_ds = imagenet.load(split="validation", tfrecord_path=FLAGS.imagenet_path,
                        batch_size=BATCH_SIZE, img_size=IMAGE_SIZE)
augment = keras_cv.layers.RandAugment(value_range=(0, 255), magnitude=0.3)
train_ds = train_ds.batch(BATCH_SIZE).map(lambda x, y: (augment(x), y)).prefetch(tf.data.AUTOTUNE)

with strategy.scope():
    model_cls = models.__dict__[FLAGS.model_name]
    model = model_cls(include_rescaling=True, include_top=True, num_classes=NUM_CLASSES,
                      input_shape=IMAGE_SIZE + (3,))

total_steps = (NUM_IMAGES // BATCH_SIZE) * FLAGS.epochs
schedule = keras.optimizers.schedules.CosineDecay(INITIAL_LEARNING_RATE, decay_steps=total_steps)

with strategy.scope():
    if FLAGS.learning_rate_schedule == "CosineDecayWithWarmup":
        optimizer = optimizers.SGD(
            weight_decay=FLAGS.weight_decay,  # expect: WD203
            learning_rate=schedule,
            momentum=0.9,
            use_ema=FLAGS.use_ema,
        )
    else:
        optimizer = optimizers.SGD(
            weight_decay=FLAGS.weight_decay,  # expect: WD203
            learning_rate=INITIAL_LEARNING_RATE,
            momentum=0.9,
            global_clipnorm=10,
            use_ema=FLAGS.use_ema,
        )
    training_metrics = [metrics.CategoricalAccuracy(), metrics.TopKCategoricalAccuracy(k=5)]

model_callbacks = [
    callbacks.EarlyStopping(patience=20),
    callbacks.ModelCheckpoint(FLAGS.weights_path, save_weights_only=True, save_best_only=True),
]
if FLAGS.learning_rate_schedule == "ReduceOnPlateau":
    model_callbacks.append(callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.1, patience=10,
                                                       min_delta=0.001, min_lr=0.0001))

model.compile(optimizer=optimizer, loss=losses.CategoricalCrossentropy(label_smoothing=0.1),
              metrics=training_metrics)
model.fit(train_ds, epochs=FLAGS.epochs, callbacks=model_callbacks, validation_data=test_ds)
