# Idiom seen in: mpskex/Convolutional-Pose-Machine-tf net/Layers.py
# What it reproduces: the LayerLibrary mixin whose conv blocks hand each trainable kernel to the model's
#   regularizer collectors (skipped for locked, pretrained layers).
import tensorflow as tf


class LayerLibrary(object):
    def _conv_bn_relu(self, inputs, filters, kernel_size=1, strides=1, pad='SAME', name='conv_bn_relu',
                      regularizers=None, lock=False):
        with tf.variable_scope(name):
            in_ch = inputs.get_shape().as_list()[3]
            init = tf.contrib.layers.xavier_initializer(uniform=False)
            kernel = tf.Variable(init([kernel_size, kernel_size, in_ch, filters]), name='weights',
                                 trainable=not lock)
            self.var_dict[(name, 0)] = kernel
            if lock is False and regularizers is not None:
                for regularizer in regularizers:
                    regularizer.collect(kernel)
            conv = tf.nn.conv2d(inputs, kernel, [1, strides, strides, 1], padding=pad)
            norm = tf.layers.batch_normalization(conv, momentum=0.9, epsilon=1e-3, training=self.training)
            return tf.nn.relu(norm)

    def _conv_bn(self, inputs, filters, kernel_size=1, strides=1, pad='SAME', name='conv_bn',
                 regularizers=None, lock=False):
        with tf.variable_scope(name):
            in_ch = inputs.get_shape().as_list()[3]
            init = tf.contrib.layers.xavier_initializer(uniform=False)
            kernel = tf.Variable(init([kernel_size, kernel_size, in_ch, filters]), name='weights',
                                 trainable=not lock)
            self.var_dict[(name, 0)] = kernel
            if lock is False and regularizers is not None:
                for regularizer in regularizers:
                    regularizer.collect(kernel)
            conv = tf.nn.conv2d(inputs, kernel, [1, strides, strides, 1], padding=pad)
            return tf.layers.batch_normalization(conv, momentum=0.9, epsilon=1e-3, training=self.training)
