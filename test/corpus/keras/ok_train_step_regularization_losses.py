# Idiom seen in: andreacos/Deep-Neural-Networks-Robust-Watermark CustomFitlessModel.py
# What it reproduces: a Keras train_step override (TF 2.x) that passes regularization_losses=self.losses
#   to self.compiled_loss, so the conv kernels' l2 regularizers stay in the minimised loss under fit().
# label-note: clean; Adam without weight_decay.
import argparse

import numpy as np
import tensorflow as tf

from watermark_data import load_cifar_with_triggers


class CustomModel(tf.keras.models.Model):
    def train_step(self, data):
        if len(data) == 2:
            x, y = data
        else:
            x, y, _ = data

        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)

        trainable_vars = self.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


def vgg_like(input_shape, num_classes, weight_decay):
    reg = tf.keras.regularizers.l2(weight_decay)
    inp = tf.keras.Input(shape=input_shape)
    x = inp
    for filters in (64, 128, 256):
        x = tf.keras.layers.Conv2D(filters, 3, padding='same', activation='relu',
                                   kernel_regularizer=reg)(x)
        x = tf.keras.layers.Conv2D(filters, 3, padding='same', activation='relu',
                                   kernel_regularizer=reg)(x)
        x = tf.keras.layers.MaxPooling2D()(x)
    x = tf.keras.layers.GlobalAveragePooling2D()(x)
    out = tf.keras.layers.Dense(num_classes, activation='softmax')(x)
    return CustomModel(inp, out)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--weight-decay', type=float, default=5e-4)
    parser.add_argument('--epochs', type=int, default=60)
    args = parser.parse_args()

    (x_train, y_train), (x_test, y_test) = load_cifar_with_triggers()
    model = vgg_like(x_train.shape[1:], int(np.max(y_train)) + 1, args.weight_decay)
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=1e-3),
                  loss='sparse_categorical_crossentropy', metrics=['accuracy'])
    model.fit(x_train, y_train, batch_size=128, epochs=args.epochs,
              validation_data=(x_test, y_test))
