# Idiom seen in: PacktPublishing/Advanced-Deep-Learning-with-Keras chapter12-segmentation/resnet.py
# Idiom seen in: PacktPublishing/Advanced-Deep-Learning-with-Keras chapter12-segmentation/fcn-12.3.1.py
# What it reproduces: the book's ResNet v2 backbone puts kernel_regularizer=l2(1e-4) on every Conv2D; a user
#   switches the FCN's Adam to Keras AdamW(weight_decay=1e-4) and keeps the builder, so fit() minimizes the
#   L2 terms while AdamW also decays every variable: the kernels decay twice (WD201 here), and AdamW
#   decays the BatchNorm and bias variables too (WD203 in fcn.py).
from tensorflow.keras.layers import Activation, BatchNormalization, Conv2D, Input, Add
from tensorflow.keras.regularizers import l2
from tensorflow.keras.models import Model


def resnet_layer(inputs, num_filters=16, kernel_size=3, strides=1, activation='relu',
                 batch_normalization=True, conv_first=True):
    conv = Conv2D(num_filters,
                  kernel_size=kernel_size,
                  strides=strides,
                  padding='same',
                  kernel_initializer='he_normal',
                  kernel_regularizer=l2(1e-4))  # expect: WD201
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


def build_resnet(input_shape, n_layers=4, n=6):
    depth = n * 9 + 2
    num_res_blocks = int((depth - 2) / 9)
    num_filters_in = 16
    inputs = Input(shape=input_shape)
    x = resnet_layer(inputs=inputs, num_filters=num_filters_in, conv_first=True)
    outputs = []
    for stage in range(3):
        num_filters_out = num_filters_in * (4 if stage == 0 else 2)
        for res_block in range(num_res_blocks):
            strides = 2 if (stage > 0 and res_block == 0) else 1
            y = resnet_layer(inputs=x, num_filters=num_filters_in, kernel_size=1, strides=strides,
                             conv_first=False)
            y = resnet_layer(inputs=y, num_filters=num_filters_in, conv_first=False)
            y = resnet_layer(inputs=y, num_filters=num_filters_out, kernel_size=1, conv_first=False)
            if res_block == 0:
                x = resnet_layer(inputs=x, num_filters=num_filters_out, kernel_size=1, strides=strides,
                                 activation=None, batch_normalization=False)
            x = Add()([x, y])
        num_filters_in = num_filters_out
        outputs.append(x)
    return Model(inputs=inputs, outputs=outputs[-n_layers:], name='ResNet%dv2' % depth)
