# Idiom seen in: moyuhao-arch/lung_nodule_project global_config.py
# Idiom seen in: moyuhao-arch/lung_nodule_project model.py
# What it reproduces: hyper-parameters kept as constants in a global_config module read with `from global_config import *`
#   and a layer helper that only builds an l2 regularizer `if L2_WEIGHT_DECAY:`; the constant is 0.0 in the config,
#   so every layer gets kernel_regularizer=None and the decay code never runs (WD303 on the guard).
import tensorflow as tf
from tensorflow.keras import layers, Model
from tensorflow.keras.regularizers import l2

from global_config import *


def _regularizer():
    if L2_WEIGHT_DECAY:  # expect: WD303
        return l2(L2_WEIGHT_DECAY)
    return None


def conv_block(x, filters):
    for _ in range(2):
        x = layers.Conv2D(filters, 3, padding='same', use_bias=False,
                          kernel_regularizer=_regularizer())(x)
        x = layers.BatchNormalization()(x)
        x = layers.ReLU()(x)
    return x


def build_unet(input_shape=(IMAGE_HEIGHT, IMAGE_WIDTH, 1), base=32):
    inputs = layers.Input(shape=input_shape)
    skips, x = [], inputs
    for i in range(4):
        x = conv_block(x, base * 2 ** i)
        skips.append(x)
        x = layers.MaxPooling2D()(x)
    x = conv_block(x, base * 16)
    for i in reversed(range(4)):
        x = layers.Conv2DTranspose(base * 2 ** i, 2, strides=2, padding='same',
                                   kernel_regularizer=_regularizer())(x)
        x = layers.Concatenate()([x, skips[i]])
        x = conv_block(x, base * 2 ** i)
    outputs = layers.Conv2D(1, 1, activation='sigmoid', kernel_regularizer=_regularizer())(x)
    return Model(inputs, outputs, name='nodule_unet')
