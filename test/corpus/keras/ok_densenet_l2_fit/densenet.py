# Idiom seen in: keras-team/keras-contrib keras_contrib/applications/densenet.py
# What it reproduces: keras-contrib's DenseNet builder style, every conv and the classifier built with
#   kernel_regularizer=l2(weight_decay), weight_decay = 1e-4 from argparse, trained with compile/fit (which adds
#   model.losses) and an SGD optimizer that has no weight_decay of its own: the decay is applied once, clean.
from tensorflow.keras.layers import (Activation, AveragePooling2D, BatchNormalization, Conv2D,
                                     Dense, GlobalAveragePooling2D, Input, concatenate)
from tensorflow.keras.models import Model
from tensorflow.keras.regularizers import l2


def conv_block(ip, nb_filter, weight_decay=1e-4):
    x = BatchNormalization(epsilon=1.1e-5)(ip)
    x = Activation('relu')(x)
    return Conv2D(nb_filter, (3, 3), kernel_initializer='he_normal', padding='same', use_bias=False,
                  kernel_regularizer=l2(weight_decay))(x)


def dense_block(x, nb_layers, nb_filter, growth_rate, weight_decay=1e-4):
    for _ in range(nb_layers):
        cb = conv_block(x, growth_rate, weight_decay)
        x = concatenate([x, cb], axis=-1)
        nb_filter += growth_rate
    return x, nb_filter


def transition_block(ip, nb_filter, weight_decay=1e-4):
    x = BatchNormalization(epsilon=1.1e-5)(ip)
    x = Activation('relu')(x)
    x = Conv2D(nb_filter, (1, 1), kernel_initializer='he_normal', padding='same', use_bias=False,
               kernel_regularizer=l2(weight_decay))(x)
    return AveragePooling2D((2, 2), strides=(2, 2))(x)


def DenseNet(depth=40, growth_rate=12, nb_dense_block=3, weight_decay=1e-4, classes=10):
    img_input = Input(shape=(32, 32, 3))
    nb_layers = (depth - 4) // 3
    nb_filter = 2 * growth_rate
    x = Conv2D(nb_filter, (3, 3), kernel_initializer='he_normal', padding='same', use_bias=False,
               kernel_regularizer=l2(weight_decay))(img_input)
    for _ in range(nb_dense_block - 1):
        x, nb_filter = dense_block(x, nb_layers, nb_filter, growth_rate, weight_decay)
        x = transition_block(x, nb_filter, weight_decay)
    x, nb_filter = dense_block(x, nb_layers, nb_filter, growth_rate, weight_decay)
    x = Activation('relu')(BatchNormalization(epsilon=1.1e-5)(x))
    x = GlobalAveragePooling2D()(x)
    x = Dense(classes, activation='softmax', kernel_regularizer=l2(weight_decay))(x)
    return Model(img_input, x, name='densenet')
