# Idiom seen in: garder14/simclr-tensorflow2 linearevaluation.py
# What it reproduces: the encoder (kernels regularized for its pretraining) and a linear
#   ClassificationHead with its own kernel_regularizer; the linear-evaluation step trains only the
#   head and adds the head's losses (clean).
import tensorflow as tf
from tensorflow.keras import layers, regularizers

WD = 5e-4


class BasicBlock(layers.Layer):
    def __init__(self, filters, strides=1):
        super(BasicBlock, self).__init__()
        self.conv1 = layers.Conv2D(filters, 3, strides=strides, padding='same', use_bias=False,
                                   kernel_regularizer=regularizers.l2(WD))
        self.bn1 = layers.BatchNormalization()
        self.conv2 = layers.Conv2D(filters, 3, padding='same', use_bias=False,
                                   kernel_regularizer=regularizers.l2(WD))
        self.bn2 = layers.BatchNormalization()
        self.proj = None
        if strides != 1:
            self.proj = layers.Conv2D(filters, 1, strides=strides, use_bias=False,
                                      kernel_regularizer=regularizers.l2(WD))

    def call(self, x, training=False):
        out = tf.nn.relu(self.bn1(self.conv1(x), training=training))
        out = self.bn2(self.conv2(out), training=training)
        return tf.nn.relu(out + (x if self.proj is None else self.proj(x)))


class ResNet(tf.keras.Model):
    def __init__(self, blocks_per_stage):
        super(ResNet, self).__init__()
        self.conv1 = layers.Conv2D(64, 3, padding='same', use_bias=False, kernel_regularizer=regularizers.l2(WD))
        self.bn1 = layers.BatchNormalization()
        self.blocks = [BasicBlock(f, 2 if (i > 0 and j == 0) else 1)
                       for i, (f, n) in enumerate(zip([64, 128, 256, 512], blocks_per_stage)) for j in range(n)]
        self.pool = layers.GlobalAveragePooling2D()

    def call(self, x, training=False):
        x = tf.nn.relu(self.bn1(self.conv1(x), training=training))
        for block in self.blocks:
            x = block(x, training=training)
        return self.pool(x)


def ResNet18():
    return ResNet([2, 2, 2, 2])


def ResNet34():
    return ResNet([3, 4, 6, 3])


class ClassificationHead(tf.keras.Model):
    def __init__(self, num_classes=10, l2=1e-4):
        super(ClassificationHead, self).__init__()
        self.fc = layers.Dense(num_classes, kernel_regularizer=regularizers.l2(l2))

    def call(self, h):
        return self.fc(h)
