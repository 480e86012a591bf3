# Idiom seen in: ken-matsui/keras-resnet model.py
# Idiom seen in: ken-matsui/keras-resnet main.py
# What it reproduces: a ResNet with l2 kernel regularizers in a Model subclass whose train_step override
# passes regularization_losses=self.losses to compiled_loss, trained with compile/fit. Clean.
import tensorflow as tf
from tensorflow.keras import layers, regularizers

from dataset import load_images

WEIGHT_DECAY = 1e-4


class ResNetModel(tf.keras.Model):
    def train_step(self, data):
        x, y, sample_weight = tf.keras.utils.unpack_x_y_sample_weight(data)
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred, sample_weight=sample_weight,
                                      regularization_losses=self.losses)
        self.optimizer.minimize(loss, self.trainable_variables, tape=tape)
        self.compiled_metrics.update_state(y, y_pred, sample_weight)
        return {m.name: m.result() for m in self.metrics}


def conv_bn(x, filters, kernel, stride=1):
    x = layers.Conv2D(filters, kernel, strides=stride, padding='same', use_bias=False,
                      kernel_regularizer=regularizers.l2(WEIGHT_DECAY))(x)
    return layers.BatchNormalization()(x)


def build(input_shape=(64, 64, 3), classes=2):
    inputs = layers.Input(shape=input_shape)
    x = layers.ReLU()(conv_bn(inputs, 32, 3))
    for filters in (32, 64, 128):
        y = layers.ReLU()(conv_bn(x, filters, 3, stride=2))
        y = conv_bn(y, filters, 3)
        x = layers.ReLU()(layers.add([y, conv_bn(x, filters, 1, stride=2)]))
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(classes, activation='softmax',
                           kernel_regularizer=regularizers.l2(WEIGHT_DECAY))(x)
    return ResNetModel(inputs, outputs)


if __name__ == '__main__':
    train_ds, val_ds = load_images('images/', image_size=(64, 64), batch_size=32)
    model = build()
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss='sparse_categorical_crossentropy',
                  metrics=['accuracy'])
    model.fit(train_ds, validation_data=val_ds, epochs=30)
    model.save('model.h5')
