# Idiom seen in: titu1994/DenseNet densenet.py
# Idiom seen in: titu1994/DenseNet cifar10.py
# What it reproduces: a DenseNet builder that threads weight_decay into kernel_regularizer=l2(weight_decay) of every conv
#   and the classifier; this user variant moved the CIFAR script from Adam to Keras AdamW(weight_decay=...) and kept
#   the regularizers, so each kernel is decayed twice (WD201), and AdamW also decays BN gamma/beta and biases (WD203).
from tensorflow.keras import backend as K
from tensorflow.keras.layers import (Activation, AveragePooling2D, BatchNormalization, Conv2D, Dense,
                                     GlobalAveragePooling2D, Input, concatenate)
from tensorflow.keras.models import Model
from tensorflow.keras.regularizers import l2


def __conv_block(ip, nb_filter, bottleneck=False, weight_decay=1e-4):
    concat_axis = 1 if K.image_data_format() == 'channels_first' else -1
    x = BatchNormalization(axis=concat_axis, epsilon=1.1e-5)(ip)
    x = Activation('relu')(x)
    if bottleneck:
        x = Conv2D(nb_filter * 4, (1, 1), kernel_initializer='he_normal', padding='same', use_bias=False,
                   kernel_regularizer=l2(weight_decay))(x)  # expect: WD201
        x = BatchNormalization(axis=concat_axis, epsilon=1.1e-5)(x)
        x = Activation('relu')(x)
    x = Conv2D(nb_filter, (3, 3), kernel_initializer='he_normal', padding='same', use_bias=False,
               kernel_regularizer=l2(weight_decay))(x)  # expect: WD201
    return x


def __dense_block(x, nb_layers, nb_filter, growth_rate, bottleneck=False, weight_decay=1e-4):
    concat_axis = 1 if K.image_data_format() == 'channels_first' else -1
    for i in range(nb_layers):
        cb = __conv_block(x, growth_rate, bottleneck, weight_decay)
        x = concatenate([x, cb], axis=concat_axis)
        nb_filter += growth_rate
    return x, nb_filter


def __transition_block(ip, nb_filter, compression=1.0, weight_decay=1e-4):
    concat_axis = 1 if K.image_data_format() == 'channels_first' else -1
    x = BatchNormalization(axis=concat_axis, epsilon=1.1e-5)(ip)
    x = Activation('relu')(x)
    x = Conv2D(int(nb_filter * compression), (1, 1), kernel_initializer='he_normal', padding='same',
               use_bias=False, kernel_regularizer=l2(weight_decay))(x)  # expect: WD201
    return AveragePooling2D((2, 2), strides=(2, 2))(x)


def DenseNet(input_shape=(32, 32, 3), depth=40, nb_dense_block=3, growth_rate=12, nb_filter=16,
             bottleneck=False, reduction=0.0, weight_decay=1e-4, classes=10):
    img_input = Input(shape=input_shape)
    nb_layers = int((depth - 4) / 3)
    compression = 1.0 - reduction

    x = Conv2D(nb_filter, (3, 3), kernel_initializer='he_normal', padding='same', use_bias=False,
               kernel_regularizer=l2(weight_decay))(img_input)  # expect: WD201
    for block_idx in range(nb_dense_block - 1):
        x, nb_filter = __dense_block(x, nb_layers, nb_filter, growth_rate, bottleneck=bottleneck,
                                     weight_decay=weight_decay)
        x = __transition_block(x, nb_filter, compression=compression, weight_decay=weight_decay)
        nb_filter = int(nb_filter * compression)
    x, nb_filter = __dense_block(x, nb_layers, nb_filter, growth_rate, bottleneck=bottleneck,
                                 weight_decay=weight_decay)
    x = BatchNormalization(epsilon=1.1e-5)(x)
    x = Activation('relu')(x)
    x = GlobalAveragePooling2D()(x)
    x = Dense(classes, activation='softmax', kernel_regularizer=l2(weight_decay),  # expect: WD201
              bias_regularizer=l2(weight_decay))(x)  # expect: WD201
    return Model(img_input, x, name='densenet')
