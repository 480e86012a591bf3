# Idiom seen in: AishuaiYao/Keras myNet.py
# What it reproduces: the same Nets-style CNN with L2 kernel regularizers inside a keras.Model subclass whose
# train_step override passes regularization_losses=self.losses to self.compiled_loss, so the terms are part of
# the differentiated loss. Clean.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers, regularizers

from dataloader import load_mnist


class CustomModel(keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


def build_cnn(shape, n_classes, l2_factor=5e-4):
    inputs = keras.Input(shape=shape)
    x = layers.Conv2D(32, (3, 3), activation='relu', kernel_regularizer=regularizers.l2(l2_factor))(inputs)
    x = layers.MaxPooling2D((2, 2))(x)
    x = layers.Conv2D(64, (3, 3), activation='relu', kernel_regularizer=regularizers.l2(l2_factor))(x)
    x = layers.Flatten()(x)
    outputs = layers.Dense(n_classes, activation='softmax')(x)
    return CustomModel(inputs, outputs)


if __name__ == '__main__':
    (x_train, y_train), (x_test, y_test) = load_mnist()
    model = build_cnn((28, 28, 1), 10)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss='categorical_crossentropy', metrics=['accuracy'])
    model.fit(x_train, y_train, batch_size=64, epochs=10, validation_data=(x_test, y_test))
