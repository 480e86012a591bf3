# Idiom seen in: hunglc007/tensorflow-yolov4-tflite core/common.py (convolutional() with kernel_regularizer=l2(0.0005), frozen-BN BatchNormalization, residual_block)
# What it reproduces: the layer helpers that give every conv of the detector an L2 kernel regularizer; those terms live only in model.losses, which train.py never adds (WD103 labelled there).
# Label note: WD103 is reported on the regularized layers (docs/rules/WD103.md); the batch instructions named the loss line, so the label was moved there, not to match a run.
import tensorflow as tf


class BatchNormalization(tf.keras.layers.BatchNormalization):
    """`layer.trainable = False` freezes the layer and also switches it to inference mode."""

    def call(self, x, training=False):
        if not training:
            training = tf.constant(False)
        training = tf.logical_and(training, self.trainable)
        return super().call(x, training)


def convolutional(input_layer, filters_shape, downsample=False, activate=True,
                  bn=True):
    if downsample:
        padding, strides = 'same', 2
    else:
        padding, strides = 'same', 1

    conv = tf.keras.layers.Conv2D(
        filters=filters_shape[-1], kernel_size=filters_shape[0],
        strides=strides, padding=padding, use_bias=not bn,
        kernel_regularizer=tf.keras.regularizers.l2(0.0005),  # expect: WD103
        kernel_initializer=tf.random_normal_initializer(stddev=0.01),
        bias_initializer=tf.constant_initializer(0.))(input_layer)

    if bn:
        conv = BatchNormalization()(conv)
    if activate:
        conv = tf.nn.leaky_relu(conv, alpha=0.1)
    return conv


def residual_block(input_layer, input_channel, filter_num1, filter_num2):
    short_cut = input_layer
    conv = convolutional(input_layer, (1, 1, input_channel, filter_num1))
    conv = convolutional(conv, (3, 3, filter_num1, filter_num2))
    return short_cut + conv


def upsample(input_layer):
    return tf.image.resize(input_layer,
                           (input_layer.shape[1] * 2, input_layer.shape[2] * 2),
                           method='bilinear')
