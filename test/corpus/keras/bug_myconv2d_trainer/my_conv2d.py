# Idiom seen in: hoel-bagard/Classification-TensorFlow2 src/layers/my_conv2D.py
# Idiom seen in: hoel-bagard/Classification-TensorFlow2 src/utils/trainer.py
# Idiom seen in: hoel-bagard/Classification-TensorFlow2 src/train.py
# What it reproduces: the real repository's bug: a custom MyConv2D layer builds its Conv2D with kernel_regularizer=l2(REG_FACTOR),
#   but the Trainer class trains with a GradientTape whose loss is self.loss_fn(y_true, y_pred) only: model.losses never added.
import tensorflow as tf
from tensorflow.keras.layers import BatchNormalization, Conv2D, ReLU

from model_config import ModelConfig


class MyConv2D(tf.keras.layers.Layer):
    def __init__(self, filters, kernel_size, strides, padding, trainable=True, name=None, **kwargs):
        super(MyConv2D, self).__init__(trainable=trainable, name=name, **kwargs)
        self.filters = filters
        self.kernel_size = kernel_size
        self.strides = strides
        self.padding = padding

    def build(self, input_shape):
        self.conv2D = Conv2D(filters=self.filters,
                             kernel_size=self.kernel_size,
                             strides=self.strides,
                             padding=self.padding,
                             kernel_regularizer=tf.keras.regularizers.l2(ModelConfig.REG_FACTOR),  # expect: WD103
                             activation=None)
        self.bn = BatchNormalization()
        self.relu6 = ReLU(max_value=6, negative_slope=0.1)

    def call(self, input_x):
        return self.relu6(self.bn(self.conv2D(input_x)))

    def get_config(self):
        cfg = super(MyConv2D, self).get_config()
        cfg.update({'filters': self.filters, 'kernel_size': self.kernel_size,
                    'strides': self.strides, 'padding': self.padding})
        return cfg
