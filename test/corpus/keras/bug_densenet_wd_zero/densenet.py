# Idiom seen in: keras-team/keras-contrib keras_contrib/applications/densenet.py
# What it reproduces: a DenseNet builder that threads weight_decay from DenseNet(...) through every block into a helper
#   returning l2(weight_decay) only "if weight_decay:"; the config module sets WEIGHT_DECAY = 0.0 and every call passes it,
#   so no layer ever gets a regularizer and the decay machinery is dead (user config; keras-contrib uses 1e-4).
from tensorflow.keras import backend as K
from tensorflow.keras.layers import (Activation, AveragePooling2D, BatchNormalization, Conv2D,
                                     Dense, Dropout, GlobalAveragePooling2D, Input, concatenate)
from tensorflow.keras.models import Model
from tensorflow.keras.regularizers import l2


def _regularizer(weight_decay):
    if weight_decay:  # expect: WD303
        return l2(weight_decay)
    return None


def __conv_block(ip, nb_filter, dropout_rate=None, weight_decay=1e-4):
    concat_axis = 1 if K.image_data_format() == 'channels_first' else -1
    x = BatchNormalization(axis=concat_axis, epsilon=1.1e-5)(ip)
    x = Activation('relu')(x)
    x = Conv2D(nb_filter, (3, 3), kernel_initializer='he_normal', padding='same', use_bias=False,
               kernel_regularizer=_regularizer(weight_decay))(x)
    if dropout_rate:
        x = Dropout(dropout_rate)(x)
    return x


def __dense_block(x, nb_layers, nb_filter, growth_rate, dropout_rate=None, weight_decay=1e-4):
    concat_axis = 1 if K.image_data_format() == 'channels_first' else -1
    for _ in range(nb_layers):
        cb = __conv_block(x, growth_rate, dropout_rate, weight_decay)
        x = concatenate([x, cb], axis=concat_axis)
        nb_filter += growth_rate
    return x, nb_filter


def __transition_block(ip, nb_filter, weight_decay=1e-4):
    concat_axis = 1 if K.image_data_format() == 'channels_first' else -1
    x = BatchNormalization(axis=concat_axis, epsilon=1.1e-5)(ip)
    x = Activation('relu')(x)
    x = Conv2D(nb_filter, (1, 1), kernel_initializer='he_normal', padding='same', use_bias=False,
               kernel_regularizer=_regularizer(weight_decay))(x)
    return AveragePooling2D((2, 2), strides=(2, 2))(x)


def DenseNet(input_shape=(32, 32, 3), depth=40, nb_dense_block=3, growth_rate=12,
             dropout_rate=0.0, weight_decay=1e-4, classes=10):
    img_input = Input(shape=input_shape)
    nb_layers = (depth - 4) // 3
    nb_filter = 2 * growth_rate
    x = Conv2D(nb_filter, (3, 3), kernel_initializer='he_normal', padding='same', use_bias=False,
               kernel_regularizer=_regularizer(weight_decay))(img_input)
    for block_idx in range(nb_dense_block - 1):
        x, nb_filter = __dense_block(x, nb_layers, nb_filter, growth_rate, dropout_rate, weight_decay)
        x = __transition_block(x, nb_filter, weight_decay)
    x, nb_filter = __dense_block(x, nb_layers, nb_filter, growth_rate, dropout_rate, weight_decay)
    x = BatchNormalization(epsilon=1.1e-5)(x)
    x = Activation('relu')(x)
    x = GlobalAveragePooling2D()(x)
    x = Dense(classes, activation='softmax', kernel_regularizer=_regularizer(weight_decay))(x)
    return Model(img_input, x, name='densenet')
