# Idiom seen in: unknow112/NSIETE-project-2019 generator.py
# What it reproduces: an SRGAN generator as a keras.Model subclass whose convs come from a lambda; in this
#   variant the lambda gives every Conv2D an l2 kernel_regularizer (its losses are added in gan.py).
import tensorflow as tf
import tensorflow.keras as keras
from tensorflow.keras.layers import Conv2D, BatchNormalization, PReLU, Add, UpSampling2D
from tensorflow.keras.regularizers import l2

WEIGHT_DECAY = 1e-5


class Generator(keras.Model):
    def __init__(self, residual_block_count=16):
        super(Generator, self).__init__()
        conv = lambda K, N, S: Conv2D(padding='same', filters=N, kernel_size=K, strides=S,
                                      kernel_regularizer=l2(WEIGHT_DECAY))
        self.head = [conv(9, 64, 1), PReLU(shared_axes=[1, 2])]
        self.blocks = [[conv(3, 64, 1), BatchNormalization(), PReLU(shared_axes=[1, 2]),
                        conv(3, 64, 1), BatchNormalization()] for _ in range(residual_block_count)]
        self.post = [conv(3, 64, 1), BatchNormalization()]
        self.upsample = [conv(3, 256, 1), UpSampling2D(2), PReLU(shared_axes=[1, 2]),
                         conv(3, 256, 1), UpSampling2D(2), PReLU(shared_axes=[1, 2])]
        self.tail = conv(9, 3, 1)

    def call(self, x, training=False):
        for layer in self.head:
            x = layer(x)
        skip = x
        for block in self.blocks:
            y = x
            for layer in block:
                y = layer(y, training=training) if isinstance(layer, BatchNormalization) else layer(y)
            x = Add()([x, y])
        for layer in self.post:
            x = layer(x, training=training) if isinstance(layer, BatchNormalization) else layer(x)
        x = Add()([x, skip])
        for layer in self.upsample:
            x = layer(x)
        return tf.nn.tanh(self.tail(x))
