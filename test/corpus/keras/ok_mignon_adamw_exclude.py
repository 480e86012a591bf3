# Idiom seen in: MignonDeveloper/pytorch-tutorials 5. Tensorflow_Basics/16. Custom Loops.py
# What it reproduces: the tutorial's GradientTape loop on a small Sequential CNN (no layer regularizers) with
#   Keras 3 AdamW, after exclude_from_weight_decay(var_names=[...]) keeps biases and batch-norm gamma/beta
#   out of the decoupled decay: decay only on kernels, applied once: clean.
import os

os.environ["KERAS_BACKEND"] = "tensorflow"
import keras
import tensorflow as tf
import tensorflow_datasets as tfds
from keras import layers

BATCH_SIZE = 128
NUM_EPOCHS = 5

(ds_train, ds_test), ds_info = tfds.load("mnist", split=["train", "test"], shuffle_files=True,
                                         as_supervised=True, with_info=True)


def normalize_img(image, label):
    return tf.cast(image, tf.float32) / 255.0, label


ds_train = ds_train.map(normalize_img).cache().shuffle(ds_info.splits["train"].num_examples)
ds_train = ds_train.batch(BATCH_SIZE).prefetch(tf.data.AUTOTUNE)

model = keras.Sequential(
    [
        keras.Input((28, 28, 1)),
        layers.Conv2D(32, 3),
        layers.BatchNormalization(),
        layers.ReLU(),
        layers.Flatten(),
        layers.Dense(10),
    ]
)

optimizer = keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=4e-3)
optimizer.exclude_from_weight_decay(var_names=["bias", "gamma", "beta"])
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
acc_metric = keras.metrics.SparseCategoricalAccuracy()

for epoch in range(NUM_EPOCHS):
    for batch_idx, (x_batch, y_batch) in enumerate(ds_train):
        with tf.GradientTape() as tape:
            y_pred = model(x_batch, training=True)
            loss = loss_fn(y_batch, y_pred)
        gradients = tape.gradient(loss, model.trainable_weights)
        optimizer.apply_gradients(zip(gradients, model.trainable_weights))
        acc_metric.update_state(y_batch, y_pred)
    print(f"Accuracy over epoch {epoch}: {acc_metric.result()}")
    acc_metric.reset_state()
