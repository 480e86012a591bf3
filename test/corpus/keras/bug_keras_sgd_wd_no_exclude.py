# Idiom seen in: kousokujin/keras-resnet run.py
# Idiom seen in: kousokujin/keras-resnet model_module/ModelBuilder.py
# What it reproduces: the repo's ResNet trained with compile/fit after moving the decay from l2 regularizers
# to the Keras 2.11+ SGD(weight_decay=...); no exclude_from_weight_decay call, so every bias and every
# BatchNormalization gamma/beta is decayed too (user's port of this repo's idiom): WD203.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

from Datasets import load_cifar10

EPOCHS = 160
BATCH_SIZE = 128


def conv_bn_relu(x, filters, strides=1):
    x = layers.Conv2D(filters, 3, strides=strides, padding='same', kernel_initializer='he_normal')(x)
    x = layers.BatchNormalization()(x)
    return layers.Activation('relu')(x)


def build_resnet20(input_shape=(32, 32, 3), num_classes=10):
    inputs = layers.Input(shape=input_shape)
    x = conv_bn_relu(inputs, 16)
    for stage, filters in enumerate([16, 32, 64]):
        for block in range(3):
            strides = 2 if (block == 0 and stage > 0) else 1
            y = conv_bn_relu(x, filters, strides)
            y = layers.BatchNormalization()(layers.Conv2D(filters, 3, padding='same')(y))
            if strides != 1:
                x = layers.Conv2D(filters, 1, strides=strides)(x)
            x = layers.Activation('relu')(layers.add([x, y]))
    x = layers.GlobalAveragePooling2D()(x)
    return tf.keras.Model(inputs, layers.Dense(num_classes, activation='softmax')(x))


(x_train, y_train), (x_test, y_test) = load_cifar10()
mean = np.mean(x_train, axis=0)
x_train, x_test = (x_train - mean) / 128.0, (x_test - mean) / 128.0

model = build_resnet20()
schedule = tf.keras.optimizers.schedules.PiecewiseConstantDecay([32000, 48000], [0.1, 0.01, 0.001])
optimizer = tf.keras.optimizers.SGD(learning_rate=schedule,
                                    momentum=0.9,
                                    weight_decay=5e-4)  # expect: WD203
model.compile(optimizer=optimizer, loss='sparse_categorical_crossentropy', metrics=['accuracy'])
model.fit(x_train, y_train, batch_size=BATCH_SIZE, epochs=EPOCHS, validation_data=(x_test, y_test))
