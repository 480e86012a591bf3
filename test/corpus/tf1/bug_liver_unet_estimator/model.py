# Idiom seen in: livanosg/unet_liver_seg model.py
# Idiom seen in: livanosg/unet_liver_seg model_fn.py
# Idiom seen in: livanosg/unet_liver_seg losses.py
# What it reproduces: the liver-CT U-Net of the repo, with the L2 a user typically adds when moving its layers to
#   tf.compat.v1.layers (kernel_regularizer=l2_regularizer(params['l2_scale'])) - the repo itself had none; the
#   Estimator loss is Losses.custom_loss() (dice + weighted CE) only, so REGULARIZATION_LOSSES is never read.
import tensorflow as tf
from tensorflow.compat.v1 import layers


class Unet:
    def __init__(self, params):
        self.batch_norm = params['batch_norm']
        self.dropout = params['dropout']
        self.classes = params['classes']
        self.regularizer = tf.contrib.layers.l2_regularizer(scale=params['l2_scale'])

    def conv_bn_dr(self, input_tensor, filters, training):
        conv = layers.conv2d(input_tensor, filters=filters, kernel_size=(3, 3), padding='same',
                             kernel_initializer=tf.compat.v1.initializers.glorot_normal(),
                             kernel_regularizer=self.regularizer)  # expect: WD102
        if self.batch_norm:
            conv = layers.batch_normalization(conv, training=training)
        conv = tf.nn.leaky_relu(conv, alpha=0.1)
        if self.dropout:
            conv = layers.dropout(conv, rate=self.dropout, training=training)
        return conv

    def convolution_layer(self, input_tensor, filters, training):
        conv = self.conv_bn_dr(input_tensor, filters, training)
        return self.conv_bn_dr(conv, filters, training)

    def down_layer(self, input_tensor, filters, training):
        connection = self.convolution_layer(input_tensor, filters, training)
        return layers.max_pooling2d(connection, pool_size=(2, 2), strides=2), connection

    def upconv_layer(self, input_tensor, connection, filters, training):
        up = layers.conv2d_transpose(input_tensor, filters=filters, kernel_size=2, strides=2, padding='same',
                                     kernel_regularizer=self.regularizer)  # expect: WD102
        up = tf.nn.leaky_relu(up, alpha=0.1)
        up = tf.concat([connection, up], axis=-1)
        return self.convolution_layer(up, filters // 2, training)

    def model(self, input_tensor, training=True):
        connections = []
        output = input_tensor
        for i, filters in enumerate([32, 64, 128, 256]):
            with tf.name_scope('Down_%d' % (i + 1)):
                output, connection = self.down_layer(output, filters, training)
                connections.append(connection)
        with tf.name_scope('Bridge'):
            output = self.convolution_layer(output, 512, training)
        for i, filters in enumerate([256, 128, 64, 32]):
            with tf.name_scope('Up_%d' % (i + 1)):
                output = self.upconv_layer(output, connections[-(i + 1)], filters, training)
        return layers.conv2d(output, filters=self.classes, kernel_size=1, padding='same')
