# Idiom seen in: Shathe/Semantic-Segmentation-Tensorflow-Eager nets/Network.py
# Idiom seen in: Shathe/Semantic-Segmentation-Tensorflow-Eager train_eager.py
# What it reproduces: layer helpers that build every Conv2D / Conv2DTranspose / DepthwiseConv2D / SeparableConv2D with
#   l2(0.0003) regularizers for a subclassed segmentation model; train_eager.py differentiates only the softmax
#   cross entropy inside its GradientTape, never model.losses (bug of the original repo).
import tensorflow as tf
from tensorflow.keras import layers, regularizers


def upsampling(inputs, scale):
    return tf.image.resize(inputs, size=[tf.shape(inputs)[1] * scale, tf.shape(inputs)[2] * scale],
                           method='bilinear')


def conv(filters, kernel_size, strides=1, dilation_rate=1, use_bias=False):
    return layers.Conv2D(filters, kernel_size, strides=strides, padding='same', use_bias=use_bias,
                         kernel_regularizer=regularizers.l2(l=0.0003), dilation_rate=dilation_rate)  # expect: WD103


def transposeConv(filters, kernel_size, strides=1, dilation_rate=1, use_bias=False):
    return layers.Conv2DTranspose(filters, kernel_size, strides=strides, padding='same', use_bias=use_bias,
                                  kernel_regularizer=regularizers.l2(l=0.0003), dilation_rate=dilation_rate)  # expect: WD103


def depthwiseConv(kernel_size, strides=1, depth_multiplier=1, dilation_rate=1, use_bias=False):
    return layers.DepthwiseConv2D(kernel_size, strides=strides, depth_multiplier=depth_multiplier,
                                  padding='same', use_bias=use_bias, kernel_regularizer=regularizers.l2(l=0.0003),  # expect: WD103
                                  dilation_rate=dilation_rate)


def separableConv(filters, kernel_size, strides=1, dilation_rate=1, use_bias=False):
    return layers.SeparableConv2D(filters, kernel_size, strides=strides, padding='same', use_bias=use_bias,
                                  depthwise_regularizer=regularizers.l2(l=0.0003),  # expect: WD103
                                  pointwise_regularizer=regularizers.l2(l=0.0003), dilation_rate=dilation_rate)  # expect: WD103


class Conv_BN(tf.keras.Model):
    def __init__(self, filters, kernel_size, strides=1):
        super(Conv_BN, self).__init__()
        self.conv = conv(filters=filters, kernel_size=kernel_size, strides=strides)
        self.bn = layers.BatchNormalization(epsilon=1e-3, momentum=0.993)

    def call(self, inputs, training=None, activation=True):
        x = self.bn(self.conv(inputs), training=training)
        return layers.ReLU()(x) if activation else x


class DepthwiseConv_BN(tf.keras.Model):
    def __init__(self, filters, kernel_size, strides=1, dilation_rate=1):
        super(DepthwiseConv_BN, self).__init__()
        self.conv = separableConv(filters=filters, kernel_size=kernel_size, strides=strides,
                                  dilation_rate=dilation_rate)
        self.bn = layers.BatchNormalization(epsilon=1e-3, momentum=0.993)

    def call(self, inputs, training=None):
        return layers.ReLU()(self.bn(self.conv(inputs), training=training))


class ShatheBlock(tf.keras.Model):
    def __init__(self, filters, kernel_size, dilation_rate=1):
        super(ShatheBlock, self).__init__()
        self.dw = depthwiseConv(kernel_size=kernel_size, dilation_rate=dilation_rate)
        self.bn = layers.BatchNormalization(epsilon=1e-3, momentum=0.993)
        self.pw = Conv_BN(filters, kernel_size=1)

    def call(self, inputs, training=None):
        x = layers.ReLU()(self.bn(self.dw(inputs), training=training))
        return inputs + self.pw(x, training=training)


class Efficient(tf.keras.Model):
    def __init__(self, num_classes, input_shape=(None, None, 3), **kwargs):
        super(Efficient, self).__init__(**kwargs)
        filters = 24
        self.conv1 = Conv_BN(filters=filters, kernel_size=3, strides=2)
        self.conv2 = DepthwiseConv_BN(filters * 3, kernel_size=3, strides=2)
        self.block1 = ShatheBlock(filters * 3, kernel_size=3, dilation_rate=2)
        self.block2 = ShatheBlock(filters * 3, kernel_size=3, dilation_rate=4)
        self.up = transposeConv(filters, kernel_size=3, strides=2)
        self.conv_logits = conv(filters=num_classes, kernel_size=1, strides=1, use_bias=True)

    def call(self, inputs, training=None, mask=None, aux_loss=False):
        x = self.conv1(inputs, training=training)
        x = self.conv2(x, training=training)
        x = self.block1(x, training=training)
        x = self.block2(x, training=training)
        x = self.up(x)
        return upsampling(self.conv_logits(x), scale=2)
