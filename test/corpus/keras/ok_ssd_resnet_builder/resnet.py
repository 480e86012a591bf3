# Idiom seen in: PacktPublishing/Advanced-Deep-Learning-with-Keras chapter11-detection/resnet.py
# Idiom seen in: PacktPublishing/Advanced-Deep-Learning-with-Keras chapter11-detection/ssd-11.6.1.py
# What it reproduces: ResNet v2 backbone for an SSD object detector; the resnet_layer builder gives every
#   Conv2D kernel_regularizer=l2(1e-4). The SSD model is compiled and trained with model.fit, which adds
#   model.losses (the backbone's losses included, since the backbone is called inside the SSD). Clean.
from tensorflow.keras.layers import Activation, BatchNormalization, Conv2D, Input, Add
from tensorflow.keras.regularizers import l2
from tensorflow.keras.models import Model

from model import conv_layer


def resnet_layer(inputs, num_filters=16, kernel_size=3, strides=1, activation='relu',
                 batch_normalization=True, conv_first=True):
    conv = Conv2D(num_filters,
                  kernel_size=kernel_size,
                  strides=strides,
                  padding='same',
                  kernel_initializer='he_normal',
                  kernel_regularizer=l2(1e-4))
    x = inputs
    if conv_first:
        x = conv(x)
        if batch_normalization:
            x = BatchNormalization()(x)
        if activation is not None:
            x = Activation(activation)(x)
    else:
        if batch_normalization:
            x = BatchNormalization()(x)
        if activation is not None:
            x = Activation(activation)(x)
        x = conv(x)
    return x


def resnet_v2(input_shape, depth, n_layers=4):
    if (depth - 2) % 9 != 0:
        raise ValueError('depth should be 9n+2 (eg 56 or 110 in [b])')
    num_filters_in = 16
    num_res_blocks = int((depth - 2) / 9)
    inputs = Input(shape=input_shape)
    x = resnet_layer(inputs=inputs, num_filters=num_filters_in, conv_first=True)
    for stage in range(3):
        for res_block in range(num_res_blocks):
            activation, batch_normalization, strides = 'relu', True, 1
            if stage == 0:
                num_filters_out = num_filters_in * 4
                if res_block == 0:
                    activation, batch_normalization = None, False
            else:
                num_filters_out = num_filters_in * 2
                if res_block == 0:
                    strides = 2
            y = resnet_layer(inputs=x, num_filters=num_filters_in, kernel_size=1, strides=strides,
                             activation=activation, batch_normalization=batch_normalization,
                             conv_first=False)
            y = resnet_layer(inputs=y, num_filters=num_filters_in, conv_first=False)
            y = resnet_layer(inputs=y, num_filters=num_filters_out, kernel_size=1, conv_first=False)
            if res_block == 0:
                x = resnet_layer(inputs=x, num_filters=num_filters_out, kernel_size=1, strides=strides,
                                 activation=None, batch_normalization=False)
            x = Add()([x, y])
        num_filters_in = num_filters_out

    x = BatchNormalization()(x)
    x = Activation('relu')(x)
    outputs = [x]
    prev_conv = x
    for i in range(n_layers - 1):
        conv = conv_layer(prev_conv, num_filters_out, kernel_size=3, strides=2, use_maxpool=False,
                          postfix="_" + str(i))
        outputs.append(conv)
        prev_conv = conv
    return Model(inputs=inputs, outputs=outputs, name='ResNet%dv2' % depth)


def build_resnet(input_shape, n_layers=4, n=6):
    depth = n * 9 + 2
    return resnet_v2(input_shape=input_shape, depth=depth, n_layers=n_layers)
