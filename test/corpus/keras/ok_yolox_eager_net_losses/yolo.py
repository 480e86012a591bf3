# Idiom seen in: bubbliiiing/yolox-tf2 nets/CSPdarknet.py
# Idiom seen in: bubbliiiing/yolox-tf2 nets/yolo.py
# What it reproduces: DarknetConv2D puts 'kernel_regularizer': l2(weight_decay) into a kwargs dict for Conv2D,
#   with weight_decay threaded from yolo_body(); training adds net.losses in eager mode and fit() in graph mode (clean).
from functools import reduce, wraps

from tensorflow.keras.initializers import RandomNormal
from tensorflow.keras.layers import (BatchNormalization, Concatenate, Conv2D, Input,
                                     LeakyReLU, UpSampling2D)
from tensorflow.keras.models import Model
from tensorflow.keras.regularizers import l2


def compose(*funcs):
    return reduce(lambda f, g: lambda *a, **kw: g(f(*a, **kw)), funcs)


@wraps(Conv2D)
def DarknetConv2D(*args, **kwargs):
    darknet_conv_kwargs = {'kernel_initializer': RandomNormal(stddev=0.02),
                           'kernel_regularizer': l2(kwargs.get('weight_decay', 5e-4))}
    darknet_conv_kwargs['padding'] = 'valid' if kwargs.get('strides') == (2, 2) else 'same'
    kwargs.pop('weight_decay', None)
    darknet_conv_kwargs.update(kwargs)
    return Conv2D(*args, **darknet_conv_kwargs)


def DarknetConv2D_BN_Leaky(*args, **kwargs):
    no_bias_kwargs = {'use_bias': False}
    no_bias_kwargs.update(kwargs)
    return compose(DarknetConv2D(*args, **no_bias_kwargs),
                   BatchNormalization(momentum=0.97, epsilon=0.001),
                   LeakyReLU(alpha=0.1))


def yolo_body(input_shape, num_classes, phi, weight_decay=5e-4):
    width = {'tiny': 0.375, 's': 0.50, 'm': 0.75, 'l': 1.00}[phi]
    inputs = Input(input_shape)
    x = DarknetConv2D_BN_Leaky(int(64 * width), (3, 3), strides=(2, 2), weight_decay=weight_decay)(inputs)
    feat1 = DarknetConv2D_BN_Leaky(int(256 * width), (3, 3), strides=(2, 2), weight_decay=weight_decay)(x)
    feat2 = DarknetConv2D_BN_Leaky(int(512 * width), (3, 3), strides=(2, 2), weight_decay=weight_decay)(feat1)
    feat3 = DarknetConv2D_BN_Leaky(int(1024 * width), (3, 3), strides=(2, 2), weight_decay=weight_decay)(feat2)
    P5 = DarknetConv2D_BN_Leaky(int(512 * width), (1, 1), weight_decay=weight_decay)(feat3)
    P4 = Concatenate()([UpSampling2D()(P5), feat2])
    P3 = Concatenate()([UpSampling2D()(DarknetConv2D_BN_Leaky(int(256 * width), (1, 1), weight_decay=weight_decay)(P4)), feat1])
    outs = []
    for out in [P3, P4, P5]:
        stem = DarknetConv2D_BN_Leaky(int(256 * width), (1, 1), weight_decay=weight_decay)(out)
        outs.append(DarknetConv2D(num_classes + 5, (1, 1), strides=(1, 1), weight_decay=weight_decay)(stem))
    return Model(inputs, outs)
