# Idiom seen in: Yuki-Wada/text_embedding mltools/model/resnet.py
# What it reproduces: a subclassed Keras ResNet (ConvUnit/BottleneckUnit Models, **kwargs passed to Conv2D)
#   and a calc_loss helper living next to the model; calc_loss also adds a hand-written L2 penalty over every
#   kernel when it is given the model and an l2 weight (the PyTorch port of the same repo uses weight_decay=).
# label-note: WD201 on the explicit penalty line: train.py also hands the same number to the Keras optimizer as
#   weight_decay (mltools/optimizer/utils.py), so the conv/dense kernels are decayed twice.
from typing import Tuple

import tensorflow as tf
from tensorflow.keras import Model, layers


class ConvUnit(Model):
    def __init__(self, filters, kernel_size, activation='relu', **kwargs):
        super(ConvUnit, self).__init__()
        self.conv = layers.Conv2D(filters, kernel_size, **kwargs)
        self.bn = layers.BatchNormalization(axis=-1)
        self.activation = layers.Activation(activation)

    def call(self, x, training=False):
        return self.activation(self.bn(self.conv(x), training=training))


class BottleneckUnit(Model):
    def __init__(self, filters, kernel_size, **kwargs):
        super(BottleneckUnit, self).__init__()
        self.down_sample = ConvUnit(filters, 1)
        self.conv_1 = ConvUnit(filters, kernel_size, padding='same', **kwargs)
        self.conv_2 = ConvUnit(filters, kernel_size, padding='same', activation='linear', **kwargs)

    def call(self, x, training=False):
        h = self.conv_2(self.conv_1(x, training=training), training=training)
        return h + self.down_sample(x, training=training)


class BottleneckBlock(Model):
    def __init__(self, filters, kernel_sizes):
        super(BottleneckBlock, self).__init__()
        self.units = [BottleneckUnit(filters, kernel_size) for kernel_size in kernel_sizes]
        self.pool = layers.MaxPooling2D(pool_size=2, strides=None, padding='valid')

    def call(self, x, training=False):
        h = x
        for unit in self.units:
            h = unit(h, training=training)
        return self.pool(h)


class ResNet(Model):
    def __init__(self, label_count: int, input_shape: Tuple[int, int, int]):
        super(ResNet, self).__init__()
        params = [(64, (3, 3)), (128, (3, 3, 3)), (256, (3, 3, 3)), (512, (3, 3))]
        self.blocks = [BottleneckBlock(filters, kernel_sizes) for filters, kernel_sizes in params]
        self.flatten = layers.Flatten()
        self.fc = layers.Dense(label_count)
        self(layers.Input(shape=input_shape))

    def call(self, x, training=False):
        h = x
        for block in self.blocks:
            h = block(h, training=training)
        return self.fc(self.flatten(h))


def calc_loss(true, pred, model=None, l2_weight=0.0):
    entropy_losses = tf.nn.sparse_softmax_cross_entropy_with_logits(true, pred, name=None)
    entropy_loss = tf.reduce_mean(entropy_losses)
    if model is not None and l2_weight > 0.0:
        entropy_loss += l2_weight * tf.add_n([tf.nn.l2_loss(w) for w in model.trainable_variables if 'kernel' in w.name])  # expect: WD201
    return entropy_loss
