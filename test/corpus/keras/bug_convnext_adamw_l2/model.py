# Idiom seen in: WZMIAOMIAO/deep-learning-for-image-processing tensorflow_classification/ConvNeXt/train.py
# What it reproduces: a subclassed ConvNeXt-tiny (depthwise conv, LayerNormalization, layer scale
#   gamma, pointwise Dense) with no layer regularizers; the decay is set up in train.py.
import tensorflow as tf
from tensorflow.keras import layers


class Block(layers.Layer):
    def __init__(self, dim, layer_scale_init=1e-6, name=None):
        super().__init__(name=name)
        self.dwconv = layers.DepthwiseConv2D(7, padding="same", name="dwconv")
        self.norm = layers.LayerNormalization(epsilon=1e-6, name="norm")
        self.pwconv1 = layers.Dense(4 * dim, name="pwconv1")
        self.act = layers.Activation("gelu")
        self.pwconv2 = layers.Dense(dim, name="pwconv2")
        self.gamma = self.add_weight(shape=[dim], initializer=tf.keras.initializers.Constant(layer_scale_init),
                                     trainable=True, name="gamma")

    def call(self, x, training=False):
        shortcut = x
        x = self.pwconv2(self.act(self.pwconv1(self.norm(self.dwconv(x)))))
        return shortcut + self.gamma * x


class ConvNeXt(tf.keras.Model):
    def __init__(self, num_classes, depths=(3, 3, 9, 3), dims=(96, 192, 384, 768)):
        super().__init__()
        self.stem = tf.keras.Sequential([layers.Conv2D(dims[0], 4, strides=4, name="conv2d"),
                                         layers.LayerNormalization(epsilon=1e-6, name="norm")], name="stem")
        self.stages = []
        for i, (depth, dim) in enumerate(zip(depths, dims)):
            blocks = [Block(dim, name="stage%d_block%d" % (i, j)) for j in range(depth)]
            if i > 0:
                blocks = [layers.LayerNormalization(epsilon=1e-6), layers.Conv2D(dim, 2, strides=2)] + blocks
            self.stages.append(tf.keras.Sequential(blocks, name="stage%d" % i))
        self.norm = layers.LayerNormalization(epsilon=1e-6, name="norm")
        self.head = layers.Dense(num_classes, name="head")

    def call(self, x, training=False):
        x = self.stem(x)
        for stage in self.stages:
            x = stage(x, training=training)
        x = self.norm(tf.reduce_mean(x, axis=[1, 2]))
        return self.head(x)


def convnext_tiny(num_classes):
    return ConvNeXt(num_classes=num_classes)
