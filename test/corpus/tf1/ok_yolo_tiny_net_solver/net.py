# Idiom seen in: nilboy/tensorflow-yolo yolo/net/net.py (class Net)
# What it reproduces: a network base class whose helper methods create CPU variables, record them in
#   pretrained/trainable lists for the two Savers, and add wd * l2_loss(kernel) to the 'losses' collection
#   through _variable_with_weight_decay; biases go through _variable_on_cpu only.
import tensorflow as tf


class Net(object):
    def __init__(self, common_params, net_params):
        self.pretrained_collection = []
        self.trainable_collection = []

    def _variable_on_cpu(self, name, shape, initializer, pretrain=True, train=True):
        with tf.device('/cpu:0'):
            var = tf.get_variable(name, shape, initializer=initializer, dtype=tf.float32)
            if pretrain:
                self.pretrained_collection.append(var)
            if train:
                self.trainable_collection.append(var)
        return var

    def _variable_with_weight_decay(self, name, shape, stddev, wd, pretrain=True, train=True):
        var = self._variable_on_cpu(name, shape, tf.truncated_normal_initializer(stddev=stddev),
                                    pretrain, train)
        if wd is not None:
            weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
            tf.add_to_collection('losses', weight_decay)
        return var

    def conv2d(self, scope, input, kernel_size, stride=1, pretrain=True, train=True):
        with tf.variable_scope(scope):
            kernel = self._variable_with_weight_decay('weights', shape=kernel_size, stddev=5e-2,
                                                      wd=self.weight_decay, pretrain=pretrain, train=train)
            conv = tf.nn.conv2d(input, kernel, [1, stride, stride, 1], padding='SAME')
            biases = self._variable_on_cpu('biases', kernel_size[3:], tf.constant_initializer(0.0), pretrain, train)
            return self.leaky_relu(tf.nn.bias_add(conv, biases))

    def max_pool(self, input, kernel_size, stride):
        return tf.nn.max_pool(input, ksize=[1, kernel_size[0], kernel_size[1], 1],
                              strides=[1, stride, stride, 1], padding='SAME')

    def local(self, scope, input, in_dimension, out_dimension, leaky=True, pretrain=True, train=True):
        with tf.variable_scope(scope):
            reshape = tf.reshape(input, [tf.shape(input)[0], -1])
            weights = self._variable_with_weight_decay('weights', shape=[in_dimension, out_dimension], stddev=0.04,
                                                       wd=self.weight_decay, pretrain=pretrain, train=train)
            biases = self._variable_on_cpu('biases', [out_dimension], tf.constant_initializer(0.0), pretrain, train)
            local = tf.matmul(reshape, weights) + biases
            return self.leaky_relu(local) if leaky else tf.identity(local)

    def leaky_relu(self, x, alpha=0.1):
        return tf.maximum(alpha * x, x)

    def inference(self, images):
        raise NotImplementedError

    def loss(self, predicts, labels):
        raise NotImplementedError
