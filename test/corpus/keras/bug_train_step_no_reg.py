# Idiom seen in: AishuaiYao/Keras myNet.py
# What it reproduces: the repo's CNN builder (Conv2D/Dense with kernel_regularizer=regularizers.l2) wrapped in a keras.Model
# subclass whose train_step override calls self.compiled_loss(y, y_pred) without regularization_losses=self.losses
# (user mistake; the repo used plain fit): fit runs the override and the L2 terms never reach the gradient.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers, regularizers

from dataloader import load_mnist


class CustomModel(keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred)
        trainable_vars = self.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


def build_cnn(shape, n_classes, l2_factor=5e-4):
    inputs = keras.Input(shape=shape)
    x = layers.Conv2D(32, (3, 3), activation='relu')(inputs)
    x = layers.MaxPooling2D((2, 2))(x)
    x = layers.Conv2D(64, (3, 3), activation='relu',
                      kernel_regularizer=regularizers.l2(l2_factor))(x)  # expect: WD103
    x = layers.MaxPooling2D((2, 2))(x)
    x = layers.Flatten()(x)
    x = layers.Dense(128, activation='relu', kernel_regularizer=regularizers.l2(l2_factor))(x)  # expect: WD103
    x = layers.Dropout(0.5)(x)
    outputs = layers.Dense(n_classes, activation='softmax')(x)
    return CustomModel(inputs, outputs)


if __name__ == '__main__':
    (x_train, y_train), (x_test, y_test) = load_mnist()
    model = build_cnn((28, 28, 1), 10)
    model.compile(optimizer=keras.optimizers.SGD(0.01, momentum=0.9),
                  loss='categorical_crossentropy', metrics=['accuracy'])
    model.fit(x_train, y_train, batch_size=64, epochs=10, validation_data=(x_test, y_test))
    model.save('model/mnistCNN.h5')
