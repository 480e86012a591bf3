# Idiom seen in: YunYang1994/TensorFlow2.0-Examples 4-Object_Detection/YOLOV3/core/common.py
#                hunglc007/tensorflow-yolov4-tflite core/common.py
# What it reproduces: every YOLO conv gets kernel_regularizer=l2(0.0005), but train.py trains the
# model in a custom GradientTape loop whose total_loss is giou+conf+prob only: model.losses never
# reaches tape.gradient, so the 5e-4 decay is dead code (WD103 on the one keyword line).
import tensorflow as tf


class BatchNormalization(tf.keras.layers.BatchNormalization):
    """Frozen BN layers stay in inference mode (trainable=False means frozen statistics too)."""

    def call(self, x, training=False):
        if not training:
            training = tf.constant(False)
        training = tf.logical_and(training, self.trainable)
        return super().call(x, training)


def convolutional(input_layer, filters_shape, downsample=False, activate=True, bn=True):
    if downsample:
        input_layer = tf.keras.layers.ZeroPadding2D(((1, 0), (1, 0)))(input_layer)
        padding = 'valid'
        strides = 2
    else:
        strides = 1
        padding = 'same'

    conv = tf.keras.layers.Conv2D(filters=filters_shape[-1], kernel_size=filters_shape[0], strides=strides,
                                  padding=padding, use_bias=not bn,
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
    conv = convolutional(input_layer, filters_shape=(1, 1, input_channel, filter_num1))
    conv = convolutional(conv, filters_shape=(3, 3, filter_num1, filter_num2))
    return short_cut + conv


def upsample(input_layer):
    return tf.image.resize(input_layer, (input_layer.shape[1] * 2, input_layer.shape[2] * 2), method='nearest')
