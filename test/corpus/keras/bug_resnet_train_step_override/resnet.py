# Idiom seen in: duckzhao/tensorflow2_learning self_code/ResNet.py
# What it reproduces: subclassed ResNet18 (ResBlock stack in a Sequential) whose classifier Dense carries an
#   l2 kernel regularizer; train.py overrides train_step without passing self.losses.
import tensorflow as tf
from tensorflow.keras.layers import Activation, BatchNormalization, Conv2D, Dense


class ResBlock(tf.keras.layers.Layer):
    def __init__(self, filter_num, strides=1, residual_path=False):
        super(ResBlock, self).__init__()
        self.residual_path = residual_path
        self.c1 = Conv2D(filter_num, 3, strides=strides, padding='same', use_bias=False)
        self.b1 = BatchNormalization()
        self.a1 = Activation('relu')
        self.c2 = Conv2D(filter_num, 3, strides=1, padding='same', use_bias=False)
        self.b2 = BatchNormalization()
        if residual_path:
            self.down_c1 = Conv2D(filter_num, 1, strides=strides, padding='same', use_bias=False)
            self.down_b1 = BatchNormalization()
        self.a2 = Activation('relu')

    def call(self, inputs):
        residual = inputs
        x = self.a1(self.b1(self.c1(inputs)))
        y = self.b2(self.c2(x))
        if self.residual_path:
            residual = self.down_b1(self.down_c1(inputs))
        return self.a2(y + residual)


class ResNet(tf.keras.Model):
    def __init__(self, block_size, initial_filters=64):
        super(ResNet, self).__init__()
        self.conv1 = Conv2D(initial_filters, 3, strides=1, padding='same', use_bias=False,
                            kernel_initializer='he_normal')
        self.bn1 = BatchNormalization()
        self.act1 = Activation('relu')
        self.blocks = tf.keras.models.Sequential()
        for block_index in range(len(block_size)):
            for layer_index in range(block_size[block_index]):
                if block_index != 0 and layer_index == 0:
                    block = ResBlock(initial_filters, strides=2, residual_path=True)
                else:
                    block = ResBlock(initial_filters, strides=1, residual_path=False)
                self.blocks.add(block)
            initial_filters *= 2
        self.avgpool = tf.keras.layers.GlobalAveragePooling2D()
        self.dense = Dense(units=10, activation='softmax', kernel_regularizer=tf.keras.regularizers.l2())  # expect: WD103

    def call(self, inputs, training=None, mask=None):
        x = self.act1(self.bn1(self.conv1(inputs)))
        x = self.blocks(x)
        x = self.avgpool(x)
        return self.dense(x)
