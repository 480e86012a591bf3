# Idiom seen in: LongxingTan/tfyolo yolo/model/module.py
# Idiom seen in: LongxingTan/tfyolo yolo/model/yolo.py
# Idiom seen in: LongxingTan/tfyolo yolo/train.py
# (repository formerly LongxingTan/Yolov5)
# What it reproduces: every Conv block holds Conv2D(kernel_regularizer=L2(5e-4)), but the Trainer's GradientTape
# loss is iou + conf + prob loss only; model.losses never joins it, so the conv kernels get no decay.
import tensorflow as tf
from tensorflow.keras.layers import BatchNormalization, Conv2D, Layer, MaxPool2D


class Mish(object):
    def __call__(self, x):
        return x * tf.math.tanh(tf.math.softplus(x))


class Conv(Layer):
    def __init__(self, filters, kernel_size, strides, padding='SAME', groups=1):
        super(Conv, self).__init__()
        init = tf.random_normal_initializer(stddev=0.01)
        self.conv = Conv2D(filters, kernel_size, strides, padding, groups=groups, use_bias=False, kernel_initializer=init, kernel_regularizer=tf.keras.regularizers.L2(5e-4))  # expect: WD103
        self.bn = BatchNormalization()
        self.activation = Mish()

    def call(self, x):
        return self.activation(self.bn(self.conv(x)))


class Focus(Layer):
    def __init__(self, filters, kernel_size, strides=1, padding='SAME'):
        super(Focus, self).__init__()
        self.conv = Conv(filters, kernel_size, strides, padding)

    def call(self, x):
        return self.conv(tf.concat([x[..., ::2, ::2, :], x[..., 1::2, ::2, :],
                                    x[..., ::2, 1::2, :], x[..., 1::2, 1::2, :]], axis=-1))


class Bottleneck(Layer):
    def __init__(self, units, shortcut=True, expansion=0.5):
        super(Bottleneck, self).__init__()
        self.conv1 = Conv(int(units * expansion), 1, 1)
        self.conv2 = Conv(units, 3, 1)
        self.shortcut = shortcut

    def call(self, x):
        if self.shortcut:
            return x + self.conv2(self.conv1(x))
        return self.conv2(self.conv1(x))


class SPP(Layer):
    def __init__(self, units, kernels=(5, 9, 13)):
        super(SPP, self).__init__()
        self.conv1 = Conv(units // 2, 1, 1)
        self.conv2 = Conv(units, 1, 1)
        self.modules = [MaxPool2D(pool_size=x, strides=1, padding='SAME') for x in kernels]

    def call(self, x):
        x = self.conv1(x)
        return self.conv2(tf.concat([x] + [module(x) for module in self.modules], axis=-1))
