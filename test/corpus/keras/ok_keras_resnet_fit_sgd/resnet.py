# Idiom seen in: kousokujin/keras-resnet model_module/resnet.py
# Idiom seen in: kousokujin/keras-resnet run.py
# What it reproduces: the keras-resnet builder helpers (_conv_bn_relu / _bn_relu_conv) that give each Conv2D
# kernel_regularizer=l2(1e-4); the model is trained with compile/fit, which adds model.losses. Clean.
from keras.models import Model
from keras.layers import Input, Activation, Dense, Flatten, Conv2D, MaxPooling2D, AveragePooling2D, add
from keras.layers import BatchNormalization
from keras.regularizers import l2
from keras import backend as K

CHANNEL_AXIS = 3


def _bn_relu(x):
    return Activation('relu')(BatchNormalization(axis=CHANNEL_AXIS)(x))


def _conv_bn_relu(filters, kernel_size, strides=(1, 1)):
    def f(x):
        conv = Conv2D(filters=filters, kernel_size=kernel_size, strides=strides, padding='same',
                      kernel_initializer='he_normal', kernel_regularizer=l2(1.e-4))(x)
        return _bn_relu(conv)
    return f


def _bn_relu_conv(filters, kernel_size, strides=(1, 1)):
    def f(x):
        return Conv2D(filters=filters, kernel_size=kernel_size, strides=strides, padding='same',
                      kernel_initializer='he_normal', kernel_regularizer=l2(1.e-4))(_bn_relu(x))
    return f


def _shortcut(x, residual):
    in_shape, res_shape = K.int_shape(x), K.int_shape(residual)
    stride = int(round(in_shape[1] / res_shape[1]))
    if stride > 1 or in_shape[CHANNEL_AXIS] != res_shape[CHANNEL_AXIS]:
        x = Conv2D(res_shape[CHANNEL_AXIS], (1, 1), strides=(stride, stride), padding='valid',
                   kernel_initializer='he_normal', kernel_regularizer=l2(0.0001))(x)
    return add([x, residual])


def basic_block(filters, init_strides=(1, 1)):
    def f(x):
        conv1 = _bn_relu_conv(filters, (3, 3), strides=init_strides)(x)
        return _shortcut(x, _bn_relu_conv(filters, (3, 3))(conv1))
    return f


def build_resnet18(input_shape, num_outputs):
    inputs = Input(shape=input_shape)
    x = _conv_bn_relu(64, (3, 3))(inputs)
    for i, filters in enumerate([64, 128, 256, 512]):
        for j in range(2):
            strides = (2, 2) if (j == 0 and i > 0) else (1, 1)
            x = basic_block(filters, init_strides=strides)(x)
    x = _bn_relu(x)
    x = AveragePooling2D(pool_size=K.int_shape(x)[1:3])(x)
    outputs = Dense(num_outputs, kernel_initializer='he_normal', activation='softmax')(Flatten()(x))
    return Model(inputs=inputs, outputs=outputs)
