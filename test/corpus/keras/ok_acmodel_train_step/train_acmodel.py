# Idiom seen in: onchipuis/Tests_A-Connect Tensorflow/Scripts/ACModel.py
# Idiom seen in: onchipuis/Tests_A-Connect Tensorflow/Scripts/load_ds.py
# What it reproduces: builds an MNIST classifier as an ACModel (custom train_step) with l2 kernel regularizers on
#   its Dense layers, compiles and fits it; the override reads self.losses through compiled_loss. Clean.
import argparse

import tensorflow as tf

from ACModel import ACModel
from load_ds import load_ds

parser = argparse.ArgumentParser()
parser.add_argument('--epochs', type=int, default=20)
parser.add_argument('--batch_size', type=int, default=256)
parser.add_argument('--lr', type=float, default=0.01)
parser.add_argument('--l2', type=float, default=1e-4)
args = parser.parse_args()


def build_model(l2):
    model = ACModel([
        tf.keras.layers.InputLayer(input_shape=[28, 28]),
        tf.keras.layers.Flatten(),
        tf.keras.layers.Dense(100, kernel_regularizer=tf.keras.regularizers.l2(l2)),
        tf.keras.layers.BatchNormalization(),
        tf.keras.layers.ReLU(),
        tf.keras.layers.Dense(10, kernel_regularizer=tf.keras.regularizers.l2(l2)),
        tf.keras.layers.Softmax(),
    ])
    return model


(x_train, y_train), (x_test, y_test) = load_ds()
model = build_model(args.l2)
optimizer = tf.keras.optimizers.SGD(learning_rate=args.lr, momentum=0.9)
model.compile(optimizer=optimizer,
              loss=tf.keras.losses.SparseCategoricalCrossentropy(),
              metrics=['accuracy'])
history = model.fit(x_train, y_train, validation_split=0.2,
                    epochs=args.epochs, batch_size=args.batch_size)
model.evaluate(x_test, y_test)
