# Idiom seen in: penny4860/tf2-eager-yolo3 yolo/net/bodynet.py
# What it reproduces: Darknet-style subclassed blocks (_ConvBlock, _ResidualBlock, _ConvPoolBlock as
#   nested tf.keras.Model) extended with a weight_decay argument passed to Conv2D as kernel_regularizer.
import tensorflow as tf
from tensorflow.keras import layers


class _ConvBlock(tf.keras.Model):
    def __init__(self, filters, layer_idx, kernel_size=(3, 3), strides=(1, 1), weight_decay=5e-4, name=''):
        super(_ConvBlock, self).__init__(name=name)
        layer_name = 'layer_{}'.format(str(layer_idx))
        self.conv = layers.Conv2D(filters, kernel_size, strides=strides, padding='same', use_bias=False,
                                  kernel_regularizer=tf.keras.regularizers.l2(weight_decay),
                                  name=layer_name)
        self.bn = layers.BatchNormalization(epsilon=0.001, name=layer_name)

    def call(self, input_tensor, training=False):
        x = self.conv(input_tensor)
        x = self.bn(x, training=training)
        return tf.nn.leaky_relu(x, alpha=0.1)


class _ConvPoolBlock(tf.keras.Model):
    def __init__(self, filters, layer_idx, weight_decay=5e-4, name=''):
        super(_ConvPoolBlock, self).__init__(name=name)
        self.pad = layers.ZeroPadding2D(((1, 0), (1, 0)))
        self.conv = _ConvBlock(filters, layer_idx, strides=(2, 2), weight_decay=weight_decay, name=name)

    def call(self, input_tensor, training=False):
        return self.conv(self.pad(input_tensor), training)


class _ResidualBlock(tf.keras.Model):
    def __init__(self, filters, layer_idx, weight_decay=5e-4, name=''):
        super(_ResidualBlock, self).__init__(name=name)
        self.conv1 = _ConvBlock(filters[0], layer_idx[0], kernel_size=(1, 1), weight_decay=weight_decay, name=name)
        self.conv2 = _ConvBlock(filters[1], layer_idx[1], weight_decay=weight_decay, name=name)

    def call(self, input_tensor, training=False):
        x = self.conv1(input_tensor, training)
        x = self.conv2(x, training)
        return x + input_tensor


class Bodynet(tf.keras.Model):
    def __init__(self, weight_decay=5e-4):
        super(Bodynet, self).__init__(name='')
        self.l0a = _ConvBlock(32, layer_idx=0, weight_decay=weight_decay, name='stage0')
        self.l0_pool = _ConvPoolBlock(64, layer_idx=1, weight_decay=weight_decay, name='stage0')
        self.l1a = _ResidualBlock([32, 64], layer_idx=[2, 3], weight_decay=weight_decay, name='stage1')
        self.l1_pool = _ConvPoolBlock(128, layer_idx=4, weight_decay=weight_decay, name='stage1')
        self.l2a = _ResidualBlock([64, 128], layer_idx=[5, 6], weight_decay=weight_decay, name='stage2')
        self.head = layers.Conv2D(3 * 25, (1, 1), padding='same',
                                  kernel_regularizer=tf.keras.regularizers.l2(weight_decay), name='yolo_head')

    def call(self, input_tensor, training=False):
        x = self.l0a(input_tensor, training)
        x = self.l0_pool(x, training)
        x = self.l1a(x, training)
        x = self.l1_pool(x, training)
        x = self.l2a(x, training)
        return self.head(x)
