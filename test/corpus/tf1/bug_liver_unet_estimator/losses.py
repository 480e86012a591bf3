# Idiom seen in: livanosg/unet_liver_seg losses.py
# What it reproduces: the repo's loss class; custom_loss() mixes a log-dice loss and a weighted cross entropy and
#   knows nothing of the regularizers of model.py.
import tensorflow as tf


class Losses:
    def __init__(self, logits, labels):
        self.logits = logits
        self.labels = labels

    def weighted_crossentropy(self):
        with tf.name_scope('Weighted_Crossentropy'):
            class_freq = tf.math.maximum(tf.reduce_sum(self.labels, axis=[0, 1, 2], keepdims=True), 1)
            weights = tf.math.pow(tf.math.divide(tf.reduce_sum(class_freq), class_freq), 0.5)
            weights = tf.reduce_max(tf.multiply(weights, self.labels), -1)
            return tf.compat.v1.losses.softmax_cross_entropy(onehot_labels=self.labels, logits=self.logits,
                                                             weights=weights)

    def log_dice_loss(self):
        with tf.name_scope('Weighted_Generalized_Dice_Log_Loss'):
            predictions = tf.math.softmax(self.logits, -1)
            class_freq = tf.math.maximum(tf.reduce_sum(self.labels, axis=[0, 1, 2]), 1)
            weights = 1 / (class_freq ** 2)
            numerator = tf.reduce_sum(self.labels * predictions, axis=[0, 1, 2])
            denominator = tf.reduce_sum(self.labels + predictions, axis=[0, 1, 2])
            dice = (2 * weights * (numerator + 1)) / (weights * (denominator + 1))
            return tf.math.reduce_mean(-tf.math.log(dice))

    def custom_loss(self):
        with tf.name_scope('Custom_loss'):
            return tf.math.multiply(.3, self.log_dice_loss()) + tf.math.multiply(0.7, self.weighted_crossentropy())
