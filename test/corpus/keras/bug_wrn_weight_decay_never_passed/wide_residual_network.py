# Idiom seen in: titu1994/Wide-Residual-Networks wide_residual_network.py
# What it reproduces: the WRN builder after weight decay was turned from a module constant into an optional
#   argument threaded through every block: each conv asks _regularizer(weight_decay) for its kernel_regularizer,
#   which is None unless a weight_decay is given.
# label-note: WD303 on the `if weight_decay:` guard: the decay machinery is here, but the only caller
#   (cifar10_wrn_28_8.py) never passes weight_decay, so every conv gets kernel_regularizer=None.
from keras import backend as K
from keras.layers import Activation, Add, AveragePooling2D, BatchNormalization, Conv2D, Dense, Dropout, Flatten
from keras.models import Model
from keras.regularizers import l2


def _regularizer(weight_decay):
    if weight_decay:  # expect: WD303
        return l2(weight_decay)
    return None


def _bn_relu(x):
    channel_axis = 1 if K.image_data_format() == "channels_first" else -1
    x = BatchNormalization(axis=channel_axis, momentum=0.1, epsilon=1e-5, gamma_initializer='uniform')(x)
    return Activation('relu')(x)


def initial_conv(input, weight_decay=None):
    x = Conv2D(16, (3, 3), padding='same', kernel_initializer='he_normal',
               kernel_regularizer=_regularizer(weight_decay), use_bias=False)(input)
    return _bn_relu(x)


def conv_block(input, filters, strides=(1, 1), dropout=0.0, weight_decay=None):
    init = Conv2D(filters, (1, 1), strides=strides, padding='same', kernel_initializer='he_normal',
                  kernel_regularizer=_regularizer(weight_decay), use_bias=False)(input)
    x = Conv2D(filters, (3, 3), strides=strides, padding='same', kernel_initializer='he_normal',
               kernel_regularizer=_regularizer(weight_decay), use_bias=False)(_bn_relu(input))
    if dropout > 0.0:
        x = Dropout(dropout)(x)
    x = Conv2D(filters, (3, 3), padding='same', kernel_initializer='he_normal',
               kernel_regularizer=_regularizer(weight_decay), use_bias=False)(_bn_relu(x))
    return Add()([init, x])


def create_wide_residual_network(input_dim, nb_classes=100, N=2, k=1, dropout=0.0, weight_decay=None, verbose=1):
    x = initial_conv(input_dim, weight_decay)
    for stage, (filters, strides) in enumerate([(16 * k, (1, 1)), (32 * k, (2, 2)), (64 * k, (2, 2))]):
        x = conv_block(x, filters, strides=strides, dropout=dropout, weight_decay=weight_decay)
        for _ in range(N - 1):
            x = conv_block(x, filters, dropout=dropout, weight_decay=weight_decay)
    x = _bn_relu(x)
    x = AveragePooling2D((8, 8))(x)
    x = Flatten()(x)
    x = Dense(nb_classes, kernel_regularizer=_regularizer(weight_decay), activation='softmax')(x)
    if verbose:
        print("Wide Residual Network-%d-%d created." % (4 + 6 * N, k))
    return x
