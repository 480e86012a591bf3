# Idiom seen in: qihongl/keras-resnet resnet.py
# Idiom seen in: qihongl/keras-resnet train_resnet.py
# What it reproduces: the repo's l2-regularized residual builder, wrapped by the user in a Model subclass
# that overrides train_step (to log gradient norms); compiled_loss is called without
# regularization_losses=self.losses, and fit runs the override, so the l2 terms are dropped: WD103 x4.
import argparse
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.keras.regularizers import l2

from data_utils import load_cifar10

WD = 5e-4


class GradNormModel(tf.keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.compiled_metrics.update_state(y, y_pred)
        logs = {m.name: m.result() for m in self.metrics}
        logs['grad_norm'] = tf.linalg.global_norm(grads)
        return logs


def residual_block(x, filters, stride=1):
    shortcut = x
    y = layers.Conv2D(filters, 3, strides=stride, padding='same', kernel_regularizer=l2(WD))(x)  # expect: WD103
    y = layers.Activation('relu')(layers.BatchNormalization()(y))
    y = layers.Conv2D(filters, 3, padding='same', kernel_regularizer=l2(WD))(y)  # expect: WD103
    y = layers.BatchNormalization()(y)
    if stride != 1 or x.shape[-1] != filters:
        shortcut = layers.Conv2D(filters, 1, strides=stride, kernel_regularizer=l2(WD))(x)  # expect: WD103
    return layers.Activation('relu')(layers.add([y, shortcut]))


def resnet(input_shape=(32, 32, 3), n_classes=10, n_blocks=3):
    inputs = layers.Input(input_shape)
    x = layers.Conv2D(16, 3, padding='same')(inputs)
    for i, filters in enumerate([16, 32, 64]):
        for j in range(n_blocks):
            x = residual_block(x, filters, stride=2 if (j == 0 and i > 0) else 1)
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(n_classes, activation='softmax', kernel_regularizer=l2(WD))(x)  # expect: WD103
    return GradNormModel(inputs, outputs)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--epochs', type=int, default=100)
    args = parser.parse_args()
    (x_train, y_train), (x_test, y_test) = load_cifar10()
    model = resnet()
    model.compile(optimizer=tf.keras.optimizers.SGD(0.1, momentum=0.9),
                  loss='sparse_categorical_crossentropy', metrics=['accuracy'])
    model.fit(x_train, y_train, batch_size=128, epochs=args.epochs, validation_data=(x_test, y_test))
