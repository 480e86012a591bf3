# Idiom seen in: gt758215/DIGITS digits/standard-networks/tensorflow/ (user networks as Tower subclasses)
# What it reproduces: a small CIFAR-style user network: slim conv layers with batch norm (no conv biases)
#   and fully connected layers, all weights under slim.l2_regularizer(5e-4) through an arg_scope; the
#   loss property returns the classification loss, and the framework adds the regularization terms.
import tensorflow as tf
import tensorflow.contrib.slim as slim

import utils as digits
from tower import Tower
from utils import model_property


class UserModel(Tower):

    @model_property
    def inference(self):
        x = tf.reshape(self.x, shape=[-1, self.input_shape[0], self.input_shape[1], self.input_shape[2]])
        bn_params = {'is_training': self.is_training, 'decay': 0.9, 'updates_collections': None}
        with slim.arg_scope([slim.conv2d, slim.fully_connected],
                            weights_initializer=tf.contrib.layers.variance_scaling_initializer(),
                            weights_regularizer=slim.l2_regularizer(5e-4)):
            with slim.arg_scope([slim.conv2d], normalizer_fn=slim.batch_norm, normalizer_params=bn_params):
                model = slim.conv2d(x, 64, [3, 3], scope='conv1')
                model = slim.max_pool2d(model, [2, 2], scope='pool1')
                model = slim.conv2d(model, 128, [3, 3], scope='conv2')
                model = slim.max_pool2d(model, [2, 2], scope='pool2')
                model = slim.conv2d(model, 256, [3, 3], scope='conv3')
            model = tf.reduce_mean(model, [1, 2])
            model = slim.fully_connected(model, 256, scope='fc1')
            model = slim.dropout(model, 0.5, is_training=self.is_training, scope='do1')
            model = slim.fully_connected(model, self.nclasses, activation_fn=None, scope='fc2')
        return model

    @model_property
    def loss(self):
        model = self.inference
        loss = digits.classification_loss(model, self.y)
        accuracy = digits.classification_accuracy(model, self.y)
        self.summaries.append(tf.summary.scalar(accuracy.op.name, accuracy))
        return loss
