# Idiom seen in: sola-st/Treefix popular_projects_snippets_dataset/tensorflow/bodies/body_48786.py
# What it reproduces: a train_step override modelled on Keras' own, a user mistake in that idiom: the
#   override calls self.compiled_loss(y, y_pred) without regularization_losses=self.losses, so although
#   fit() runs it, the layers' kernel_regularizer terms are left out of the loss (WD103 on each keyword).
import argparse

import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers, regularizers


class ConvNet(keras.Model):
    def __init__(self, num_classes=10, weight_decay=5e-4):
        super().__init__()
        self.conv1 = layers.Conv2D(32, 3, padding='same', activation='relu',
                                   kernel_regularizer=regularizers.l2(weight_decay))  # expect: WD103
        self.conv2 = layers.Conv2D(64, 3, padding='same', activation='relu',
                                   kernel_regularizer=regularizers.l2(weight_decay))  # expect: WD103
        self.pool = layers.MaxPooling2D()
        self.flatten = layers.Flatten()
        self.fc = layers.Dense(num_classes, kernel_regularizer=regularizers.l2(weight_decay))  # expect: WD103

    def call(self, x, training=False):
        x = self.pool(self.conv1(x))
        x = self.pool(self.conv2(x))
        return self.fc(self.flatten(x))

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--weight_decay', type=float, default=5e-4)
    parser.add_argument('--epochs', type=int, default=20)
    args = parser.parse_args()
    (x_train, y_train), _ = keras.datasets.cifar10.load_data()
    x_train = x_train.astype('float32') / 255.0
    model = ConvNet(weight_decay=args.weight_decay)
    model.compile(optimizer=keras.optimizers.SGD(0.01, momentum=0.9),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=['accuracy'])
    model.fit(x_train, y_train, batch_size=64, epochs=args.epochs)
