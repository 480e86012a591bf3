# Idiom seen in: sola-st/Treefix popular_projects_snippets_dataset/tensorflow/bodies/body_48786.py
# What it reproduces: Keras' own Model.train_step body (extracted from training.py) reused in a subclass:
#   loss = self.compiled_loss(y, y_pred, sample_weight, regularization_losses=self.losses), minimized with
#   the tape, so the Dense kernel_regularizer terms are trained even though fit runs the override. Clean.
import argparse

import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers, regularizers
from tensorflow.python.keras.engine import data_adapter


class RegularizedClassifier(keras.Model):
    def train_step(self, data):
        data = data_adapter.expand_1d(data)
        x, y, sample_weight = data_adapter.unpack_x_y_sample_weight(data)
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred, sample_weight, regularization_losses=self.losses)
        self.optimizer.minimize(loss, self.trainable_variables, tape=tape)
        self.compiled_metrics.update_state(y, y_pred, sample_weight)
        return {m.name: m.result() for m in self.metrics}


def build(l2_factor):
    inputs = keras.Input(shape=(784,))
    x = layers.Dense(256, activation='relu', kernel_regularizer=regularizers.l2(l2_factor))(inputs)
    x = layers.Dropout(0.3)(x)
    x = layers.Dense(128, activation='relu', kernel_regularizer=regularizers.l2(l2_factor))(x)
    outputs = layers.Dense(10)(x)
    return RegularizedClassifier(inputs, outputs)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--l2', type=float, default=1e-4)
    parser.add_argument('--epochs', type=int, default=10)
    args = parser.parse_args()
    (x_train, y_train), _ = keras.datasets.mnist.load_data()
    x_train = x_train.reshape(-1, 784).astype('float32') / 255.0
    model = build(args.l2)
    model.compile(optimizer=keras.optimizers.SGD(0.05, momentum=0.9),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=['accuracy'])
    model.fit(x_train, y_train, batch_size=128, epochs=args.epochs)
