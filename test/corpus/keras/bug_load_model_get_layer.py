# Idiom seen in: jkjung-avt/keras_imagenet models/models.py (tf.keras.models.load_model of a saved
#                .h5 to continue training), jules-gi/image_detection models/resnet50.py
# What it reproduces: fine-tuning a saved classifier: load_model, a new 2-way head on the loaded
# layers (a functional Model, no rebuild), then kernel regularizers set on the new head (found with
# get_layer) and on the trailing convs, and compile+fit: all those layers are already built, so no
# l2 loss is ever created (WD106 x2).
import argparse

import tensorflow as tf
import tensorflow_datasets as tfds
from tensorflow.keras.regularizers import l2

parser = argparse.ArgumentParser()
parser.add_argument('--checkpoint', default='saves/mobilenet_v2-model-final.h5')
parser.add_argument('--dataset', default='cats_vs_dogs')
parser.add_argument('--weight_decay', default=2e-4, type=float)
parser.add_argument('--lr', default=1e-3, type=float)
parser.add_argument('--epochs', default=10, type=int)
args = parser.parse_args()

model = tf.keras.models.load_model(args.checkpoint, compile=False)

# replace the 1000-way ImageNet classifier by a 2-way one
features = model.get_layer('global_average_pooling2d').output
outputs = tf.keras.layers.Dense(2, activation='softmax', name='new_logits')(features)
model = tf.keras.Model(inputs=model.input, outputs=outputs)

model.get_layer('new_logits').kernel_regularizer = l2(args.weight_decay)  # expect: WD106
for layer in model.layers[-8:]:
    if isinstance(layer, tf.keras.layers.Conv2D):
        layer.kernel_regularizer = l2(args.weight_decay)  # expect: WD106


def preprocess(image, label):
    return tf.image.resize(tf.cast(image, tf.float32) / 255.0, (224, 224)), tf.one_hot(label, 2)


train_ds = tfds.load(args.dataset, split='train[:90%]', as_supervised=True).map(preprocess).batch(32)
val_ds = tfds.load(args.dataset, split='train[90%:]', as_supervised=True).map(preprocess).batch(32)
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=args.lr),
              loss='categorical_crossentropy', metrics=['accuracy'])
model.fit(train_ds, validation_data=val_ds, epochs=args.epochs)
