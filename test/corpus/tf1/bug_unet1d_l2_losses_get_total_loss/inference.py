# Idiom seen in: repository not resolved by the code index (index file id 46774340477: class Inference, a 1-D
#   encoder/decoder base class with a static variable_with_weight_decay helper and down_conv/up_conv methods)
# What it reproduces: the base class files wd * l2_loss(kernel) under the project's own collection key
#   'l2_losses' (only when a layer is given a wd); biases are created without decay.
# label-note: WD101 on the add_to_collection line. Nothing in the project reads 'l2_losses': train.py builds its
#   objective with tf.losses.get_total_loss(), which sums GraphKeys.LOSSES and GraphKeys.REGULARIZATION_LOSSES
#   only. (A helper filing under one key while the trainer reads the standard ones is a real bug kind: a code-index
#   file adds its decay to 'LOSSES', upper case, next to tf.losses-based training.)
import tensorflow as tf


class Inference(object):
    def __init__(self, input_tensor, is_train=True):
        self.input = input_tensor
        self.is_train = is_train
        # shapes of every down_conv output, so that up_conv can mirror them
        self.layer_shape = [input_tensor.shape.as_list()]

    @staticmethod
    def variable_with_weight_decay(name, shape, wd=None):
        var = tf.get_variable(name, shape, initializer=tf.contrib.layers.xavier_initializer())
        if wd:
            l2_loss = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
            tf.add_to_collection('l2_losses', l2_loss)  # expect: WD101
        return var

    def down_conv(self, input_tensor, kwidth, num_kernel, stride, wd=None, padding='SAME', name='down_conv'):
        with tf.variable_scope(name):
            in_channels = input_tensor.shape.as_list()[-1]
            w = self.variable_with_weight_decay('filter_weight', [kwidth, in_channels, num_kernel], wd)
            b = tf.get_variable('filter_biases', [num_kernel], initializer=tf.constant_initializer(0.1))
            conv = tf.nn.conv1d(input_tensor, w, stride=stride, padding=padding)
            self.layer_shape.append(conv.shape.as_list())
            return tf.nn.leaky_relu(conv + b)

    def up_conv(self, input_tensor, kwidth, num_kernel, stride, output_shape, wd=None, padding='SAME',
                name='up_conv', activation=tf.nn.leaky_relu):
        with tf.variable_scope(name):
            in_channels = input_tensor.shape.as_list()[-1]
            w = self.variable_with_weight_decay('filter_weight', [1, kwidth, num_kernel, in_channels], wd)
            b = tf.get_variable('filter_biases', [num_kernel], initializer=tf.constant_initializer(0.1))
            x = tf.expand_dims(input_tensor, 1)
            out_shape = [tf.shape(input_tensor)[0], 1, output_shape[1], num_kernel]
            deconv = tf.nn.conv2d_transpose(x, w, output_shape=out_shape, strides=[1, 1, stride, 1], padding=padding)
            deconv = tf.squeeze(deconv, 1) + b
            return activation(deconv) if activation is not None else deconv
