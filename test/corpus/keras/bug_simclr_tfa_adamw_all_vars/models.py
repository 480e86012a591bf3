# Idiom seen in: garder14/simclr-tensorflow2 pretraining.py
# What it reproduces: the subclassed ResNet-18 encoder (BatchNorm everywhere, biased projection head)
#   that pretraining.py decays with tfa AdamW over all trainable variables.
import tensorflow as tf
from tensorflow.keras import layers


class BasicBlock(layers.Layer):
    def __init__(self, filters, strides=1):
        super(BasicBlock, self).__init__()
        self.conv1 = layers.Conv2D(filters, 3, strides=strides, padding='same', use_bias=False)
        self.bn1 = layers.BatchNormalization()
        self.conv2 = layers.Conv2D(filters, 3, strides=1, padding='same', use_bias=False)
        self.bn2 = layers.BatchNormalization()
        self.shortcut = None
        if strides != 1:
            self.shortcut = tf.keras.Sequential([layers.Conv2D(filters, 1, strides=strides, use_bias=False),
                                                 layers.BatchNormalization()])

    def call(self, x, training=False):
        out = tf.nn.relu(self.bn1(self.conv1(x), training=training))
        out = self.bn2(self.conv2(out), training=training)
        sc = x if self.shortcut is None else self.shortcut(x, training=training)
        return tf.nn.relu(out + sc)


class ResNet(tf.keras.Model):
    def __init__(self, blocks_per_stage):
        super(ResNet, self).__init__()
        self.conv1 = layers.Conv2D(64, 3, padding='same', use_bias=False)
        self.bn1 = layers.BatchNormalization()
        self.stages = []
        for i, (filters, n) in enumerate(zip([64, 128, 256, 512], blocks_per_stage)):
            for j in range(n):
                self.stages.append(BasicBlock(filters, strides=2 if (i > 0 and j == 0) else 1))
        self.pool = layers.GlobalAveragePooling2D()

    def call(self, x, training=False):
        x = tf.nn.relu(self.bn1(self.conv1(x), training=training))
        for block in self.stages:
            x = block(x, training=training)
        return self.pool(x)


def ResNet18():
    return ResNet([2, 2, 2, 2])


def ResNet34():
    return ResNet([3, 4, 6, 3])


class ProjectionHead(tf.keras.Model):
    def __init__(self):
        super(ProjectionHead, self).__init__()
        self.fc1 = layers.Dense(512)
        self.bn = layers.BatchNormalization()
        self.fc2 = layers.Dense(128)

    def call(self, h, training=False):
        return self.fc2(tf.nn.relu(self.bn(self.fc1(h), training=training)))
