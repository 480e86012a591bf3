# Idiom seen in: few-shot-learning/Keras-FewShotLearning keras_fsl/models/encoders/darknet.py
# Idiom seen in: cristivlas/sturddle-2 tools/nnue/train.py
# What it reproduces: Darknet conv helper with kernel_regularizer=l2(5e-4) on every conv, compiled with a Keras
# SGD that also gets weight_decay=5e-4 (Keras 2.11+ decoupled decay of every variable): the kernels are decayed
# twice (WD201 on the regularizer) and the optimizer decay also hits BN gamma/beta (WD203 on weight_decay=).
import argparse

import tensorflow as tf
from tensorflow.keras import Input, Model
from tensorflow.keras.layers import (BatchNormalization, Conv2D, Dense, GlobalAveragePooling2D,
                                     LeakyReLU, ZeroPadding2D)
from tensorflow.keras.regularizers import l2

from datasets import get_imagenette


def conv_2d(*args, **kwargs):
    return Conv2D(*args, **kwargs, use_bias=False,
                  kernel_regularizer=l2(5e-4),  # expect: WD201
                  padding='valid' if kwargs.get('strides') == (2, 2) else 'same')


def conv_block(x, filters, size, strides=(1, 1)):
    if strides == (2, 2):
        x = ZeroPadding2D(((1, 0), (1, 0)))(x)
    x = conv_2d(filters, size, strides=strides)(x)
    x = BatchNormalization()(x)
    return LeakyReLU(alpha=0.1)(x)


def darknet(input_shape=(224, 224, 3), n_classes=10):
    inputs = Input(input_shape)
    x = conv_block(inputs, 32, (3, 3))
    for filters in (64, 128, 256, 512):
        x = conv_block(x, filters, (3, 3), strides=(2, 2))
        x = conv_block(x, filters // 2, (1, 1))
        x = conv_block(x, filters, (3, 3))
    x = GlobalAveragePooling2D()(x)
    return Model(inputs, Dense(n_classes, activation='softmax')(x))


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--lr', type=float, default=0.01)
    parser.add_argument('--epochs', type=int, default=40)
    args = parser.parse_args()

    model = darknet()
    optimizer = tf.keras.optimizers.SGD(learning_rate=args.lr, momentum=0.9,
                                        weight_decay=5e-4)  # expect: WD203
    model.compile(optimizer=optimizer, loss='sparse_categorical_crossentropy', metrics=['accuracy'])
    train_ds, val_ds = get_imagenette(batch_size=64)
    model.fit(train_ds, validation_data=val_ds, epochs=args.epochs)
