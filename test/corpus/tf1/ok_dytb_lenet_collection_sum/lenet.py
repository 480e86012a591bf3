# Idiom seen in: galeone/dynamic-training-bench dytb/models/layers.py
# Idiom seen in: galeone/dynamic-training-bench dytb/models/predefined/LeNet.py
# Idiom seen in: galeone/dynamic-training-bench dytb/trainers/ClassifierTrainer.py
# What it reproduces: dytb-style layers put wd*l2_loss(W) into the LOSSES collection and the LeNet
# loss() adds the cross entropy to the same collection and returns tf.add_n of it, which the trainer
# minimizes: the decay terms reach the optimizer (clean).
"""Build a LeNet-like network"""

import tensorflow as tf
from graph_keys import LOSSES
from layers import conv, fc


class LeNet(object):
    """LeNet-like classifier"""

    name = 'LeNet'

    def _inference(self, images, num_classes, train_phase=False,
                   l2_penalty=0.0):
        with tf.variable_scope(self.name):
            with tf.variable_scope("conv1"):
                conv1 = conv(images, [5, 5, 1, 32], 1, 'SAME', train_phase,
                             activation=tf.nn.relu, wd=l2_penalty)
            pool1 = tf.nn.max_pool(conv1, ksize=[1, 2, 2, 1],
                                   strides=[1, 2, 2, 1], padding='VALID')
            with tf.variable_scope("conv2"):
                conv2 = conv(pool1, [5, 5, 32, 64], 1, 'SAME', train_phase,
                             activation=tf.nn.relu, wd=l2_penalty)
            pool2 = tf.nn.max_pool(conv2, ksize=[1, 2, 2, 1],
                                   strides=[1, 2, 2, 1], padding='VALID')
            pool2 = tf.reshape(pool2, [-1, 7 * 7 * 64])
            with tf.variable_scope("fc1"):
                fc1 = fc(pool2, [7 * 7 * 64, 1024], train_phase,
                         activation=tf.nn.relu, wd=l2_penalty)
            with tf.variable_scope("softmax_linear"):
                logits = fc(fc1, [1024, num_classes], train_phase)
        return logits

    def loss(self, logits, labels):
        """Cross entropy plus every weight decay term in LOSSES."""
        with tf.variable_scope('loss'):
            labels = tf.cast(labels, tf.int64)
            cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(
                logits=logits, labels=labels,
                name='cross_entropy_per_example')
            cross_entropy_mean = tf.reduce_mean(cross_entropy,
                                                name='cross_entropy')
            tf.add_to_collection(LOSSES, cross_entropy_mean)
            # The total loss is the cross entropy plus all of the weight
            # decay terms (L2 loss).
            error = tf.add_n(tf.get_collection(LOSSES), name='total_loss')
        return error

    def get(self, images, num_classes, train_phase=False, l2_penalty=0.0):
        is_training_ = tf.placeholder_with_default(
            False, shape=(), name="is_training_")
        logits = self._inference(images, num_classes, train_phase, l2_penalty)
        return is_training_, logits
