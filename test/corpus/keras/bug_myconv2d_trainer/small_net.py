# Idiom seen in: hoel-bagard/Classification-TensorFlow2 src/layers/my_conv2D.py
# Idiom seen in: hoel-bagard/Classification-TensorFlow2 src/utils/trainer.py
# Idiom seen in: hoel-bagard/Classification-TensorFlow2 src/train.py
# What it reproduces: the real repository's bug: a custom MyConv2D layer builds its Conv2D with kernel_regularizer=l2(REG_FACTOR),
#   but the Trainer class trains with a GradientTape whose loss is self.loss_fn(y_true, y_pred) only: model.losses never added.
import tensorflow as tf

from model_config import ModelConfig
from my_conv2d import MyConv2D


def SmallNet(input_shape, output_classes):
    inputs = tf.keras.Input(shape=input_shape, name='InputLayer')
    x = inputs
    for i, (c, k, s) in enumerate(zip(ModelConfig.CHANNELS, ModelConfig.SIZES, ModelConfig.STRIDES)):
        x = MyConv2D(c, k, s, 'same', name='conv_block_%d' % i)(x)
    x = tf.keras.layers.GlobalAveragePooling2D()(x)
    x = tf.keras.layers.Dropout(0.2)(x)
    outputs = tf.keras.layers.Dense(output_classes, activation='softmax')(x)
    return tf.keras.Model(inputs=inputs, outputs=outputs)
