# Idiom seen in: duckzhao/tensorflow2_learning self_code/ResNet.py
# What it reproduces: subclassed ResNet with an l2 regularizer on the classifier Dense; trained with
#   compile + fit in train.py, which adds model.losses. Clean.
import tensorflow as tf
from tensorflow.keras.layers import Activation, BatchNormalization, Conv2D, Dense


class ResBlock(tf.keras.layers.Layer):
    def __init__(self, filter_num, strides=1, residual_path=False):
        super(ResBlock, self).__init__()
        self.residual_path = residual_path
        self.c1 = Conv2D(filter_num, 3, strides=strides, padding='same', use_bias=False)
        self.b1 = BatchNormalization()
        self.c2 = Conv2D(filter_num, 3, padding='same', use_bias=False)
        self.b2 = BatchNormalization()
        if residual_path:
            self.down_c1 = Conv2D(filter_num, 1, strides=strides, padding='same', use_bias=False)
            self.down_b1 = BatchNormalization()

    def call(self, inputs):
        residual = inputs
        x = tf.nn.relu(self.b1(self.c1(inputs)))
        y = self.b2(self.c2(x))
        if self.residual_path:
            residual = self.down_b1(self.down_c1(inputs))
        return tf.nn.relu(y + residual)


class ResNet(tf.keras.Model):
    def __init__(self, block_size, initial_filters=64, l2_scale=5e-4):
        super(ResNet, self).__init__()
        self.conv1 = Conv2D(initial_filters, 3, padding='same', use_bias=False, kernel_initializer='he_normal')
        self.bn1 = BatchNormalization()
        self.act1 = Activation('relu')
        self.blocks = tf.keras.models.Sequential()
        for block_index, n in enumerate(block_size):
            for layer_index in range(n):
                downsample = block_index != 0 and layer_index == 0
                self.blocks.add(ResBlock(initial_filters, strides=2 if downsample else 1, residual_path=downsample))
            initial_filters *= 2
        self.avgpool = tf.keras.layers.GlobalAveragePooling2D()
        self.dense = Dense(10, activation='softmax', kernel_regularizer=tf.keras.regularizers.l2(l2_scale))

    def call(self, inputs, training=None, mask=None):
        x = self.act1(self.bn1(self.conv1(inputs)))
        return self.dense(self.avgpool(self.blocks(x)))
