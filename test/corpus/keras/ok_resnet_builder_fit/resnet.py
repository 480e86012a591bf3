# Idiom seen in: Briwisdom/resnet_cifar10 cifar10.py
# What it reproduces: the keras-resnet style ResnetBuilder the repo imports (`import resnet`), whose conv
# helpers put kernel_regularizer=l2(1e-4) on every convolution and on the classifier; trained with compile/fit
# in cifar10.py, which adds model.losses itself. Clean.
from keras.models import Model
from keras.layers import Input, Activation, Dense, Flatten, add
from keras.layers import Conv2D, MaxPooling2D, AveragePooling2D, BatchNormalization
from keras.regularizers import l2


def _bn_relu(x):
    return Activation("relu")(BatchNormalization(axis=3)(x))


def _conv_bn_relu(x, filters, kernel_size, strides=(1, 1)):
    x = Conv2D(filters, kernel_size, strides=strides, padding="same", kernel_initializer="he_normal",
               kernel_regularizer=l2(1.e-4))(x)
    return _bn_relu(x)


def _bn_relu_conv(x, filters, kernel_size, strides=(1, 1)):
    x = _bn_relu(x)
    return Conv2D(filters, kernel_size, strides=strides, padding="same", kernel_initializer="he_normal",
                  kernel_regularizer=l2(1.e-4))(x)


def _basic_block(x, filters, strides=(1, 1)):
    shortcut = x
    y = _bn_relu_conv(x, filters, (3, 3), strides)
    y = _bn_relu_conv(y, filters, (3, 3))
    if strides != (1, 1) or int(shortcut.shape[-1]) != filters:
        shortcut = Conv2D(filters, (1, 1), strides=strides, padding="valid",
                          kernel_regularizer=l2(1.e-4))(shortcut)
    return add([shortcut, y])


class ResnetBuilder(object):
    @staticmethod
    def build(input_shape, num_outputs, repetitions):
        channels, rows, cols = input_shape
        inputs = Input(shape=(rows, cols, channels))
        x = _conv_bn_relu(inputs, 64, (3, 3))
        filters = 64
        for i, r in enumerate(repetitions):
            for j in range(r):
                strides = (2, 2) if (j == 0 and i > 0) else (1, 1)
                x = _basic_block(x, filters, strides)
            filters *= 2
        x = _bn_relu(x)
        x = AveragePooling2D(pool_size=(int(x.shape[1]), int(x.shape[2])))(x)
        x = Flatten()(x)
        outputs = Dense(num_outputs, activation="softmax", kernel_initializer="he_normal",
                        kernel_regularizer=l2(1.e-4))(x)
        return Model(inputs=inputs, outputs=outputs)

    @staticmethod
    def build_resnet_18(input_shape, num_outputs):
        return ResnetBuilder.build(input_shape, num_outputs, [2, 2, 2, 2])

    @staticmethod
    def build_resnet_34(input_shape, num_outputs):
        return ResnetBuilder.build(input_shape, num_outputs, [3, 4, 6, 3])
