# Idiom seen in: bubbliiiing/efficientdet-tf2 nets/efficientdet.py
# Idiom seen in: bubbliiiing/efficientdet-tf2 utils/utils_fit.py
# Idiom seen in: bubbliiiing/efficientdet-tf2 train.py
# What it reproduces: the repo's BoxNet/ClassNet heads, given depthwise/pointwise_regularizer=l2(wd)
# through their options dict, trained on the eager path whose train_step adds tf.reduce_sum(net.losses)
# to the focal + smooth-L1 loss inside the tape (clean).
import math

import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import initializers, layers, models
from tensorflow.keras.regularizers import l2

from efficientnet import EPSILON, MOMENTUM, EfficientNetB0, EfficientNetB1, EfficientNetB2
from bifpn import build_wBiFPN


class PriorProbability(keras.initializers.Initializer):
    def __init__(self, probability=0.01):
        self.probability = probability

    def get_config(self):
        return {'probability': self.probability}

    def __call__(self, shape, dtype=None):
        return np.ones(shape) * -math.log((1 - self.probability) / self.probability)


class BoxNet:
    def __init__(self, width, depth, num_anchors=9, weight_decay=4e-5, name='box_net'):
        self.name = name
        self.depth = depth
        options = {
            'kernel_size': 3,
            'strides': 1,
            'padding': 'same',
            'bias_initializer': 'zeros',
            'depthwise_initializer': initializers.RandomNormal(stddev=0.01),
            'pointwise_initializer': initializers.RandomNormal(stddev=0.01),
            'depthwise_regularizer': l2(weight_decay),
            'pointwise_regularizer': l2(weight_decay),
        }
        self.convs = [layers.SeparableConv2D(filters=width, name=f'{self.name}/box-{i}', **options) for i in range(depth)]
        self.head = layers.SeparableConv2D(filters=num_anchors * 4, name=f'{self.name}/box-predict', **options)
        self.bns = [[layers.BatchNormalization(momentum=MOMENTUM, epsilon=EPSILON, name=f'{self.name}/box-{i}-bn-{j}')
                     for j in range(3, 8)] for i in range(depth)]
        self.relu = layers.Lambda(lambda x: tf.nn.swish(x))
        self.reshape = layers.Reshape((-1, 4))

    def call(self, inputs):
        feature, level = inputs
        for i in range(self.depth):
            feature = self.relu(self.bns[i][level](self.convs[i](feature)))
        return self.reshape(self.head(feature))


class ClassNet:
    def __init__(self, width, depth, num_classes=20, num_anchors=9, weight_decay=4e-5, name='class_net'):
        self.name = name
        self.depth = depth
        options = {
            'kernel_size': 3,
            'strides': 1,
            'padding': 'same',
            'depthwise_initializer': initializers.RandomNormal(stddev=0.01),
            'pointwise_initializer': initializers.RandomNormal(stddev=0.01),
            'depthwise_regularizer': l2(weight_decay),
            'pointwise_regularizer': l2(weight_decay),
        }
        self.convs = [layers.SeparableConv2D(filters=width, bias_initializer='zeros', name=f'{self.name}/class-{i}', **options)
                      for i in range(depth)]
        self.head = layers.SeparableConv2D(filters=num_classes * num_anchors,
                                           bias_initializer=PriorProbability(probability=0.01),
                                           name=f'{self.name}/class-predict', **options)
        self.bns = [[layers.BatchNormalization(momentum=MOMENTUM, epsilon=EPSILON, name=f'{self.name}/class-{i}-bn-{j}')
                     for j in range(3, 8)] for i in range(depth)]
        self.relu = layers.Lambda(lambda x: tf.nn.swish(x))
        self.reshape = layers.Reshape((-1, num_classes))
        self.activation = layers.Activation('sigmoid')

    def call(self, inputs):
        feature, level = inputs
        for i in range(self.depth):
            feature = self.relu(self.bns[i][level](self.convs[i](feature)))
        return self.activation(self.reshape(self.head(feature)))


def efficientdet(input_shape, phi, num_classes=20, num_anchors=9, weight_decay=4e-5):
    fpn_num_filters = [64, 88, 112]
    fpn_cell_repeats = [3, 4, 5]
    box_class_repeats = [3, 3, 3]
    backbones = [EfficientNetB0, EfficientNetB1, EfficientNetB2]

    inputs = layers.Input(input_shape)
    fpn_features = backbones[phi](inputs=inputs)
    for i in range(fpn_cell_repeats[phi]):
        fpn_features = build_wBiFPN(fpn_features, fpn_num_filters[phi], i)

    box_net = BoxNet(fpn_num_filters[phi], box_class_repeats[phi], num_anchors=num_anchors,
                     weight_decay=weight_decay, name='box_net')
    class_net = ClassNet(fpn_num_filters[phi], box_class_repeats[phi], num_classes=num_classes,
                         num_anchors=num_anchors, weight_decay=weight_decay, name='class_net')

    classification = [class_net.call([feature, i]) for i, feature in enumerate(fpn_features)]
    classification = layers.Concatenate(axis=1, name='classification')(classification)
    regression = [box_net.call([feature, i]) for i, feature in enumerate(fpn_features)]
    regression = layers.Concatenate(axis=1, name='regression')(regression)
    return models.Model(inputs=[inputs], outputs=[regression, classification], name='efficientdet')
