# Idiom seen in: rogertrullo/tensorflow_medical_images_segmentation loss_functions.py
# Idiom seen in: rogertrullo/tensorflow_medical_images_segmentation g_model.py
# What it reproduces: the data terms (soft Dice and weighted cross entropy); the collection sum is left
# to the caller, as in the repository (the commented-out add_n lives in g_model.combined_loss_G).
import tensorflow as tf


def loss_dice(logits, labels, num_classes, batch_size_tf):
    with tf.name_scope('loss'):
        probs = tf.nn.softmax(logits)
        y_onehot = tf.one_hot(labels, num_classes, 1.0, 0.0, axis=3, dtype=tf.float32)
        num = tf.reduce_sum(probs * y_onehot, [1, 2])
        den1 = tf.reduce_sum(probs * probs, [1, 2])
        den2 = tf.reduce_sum(y_onehot * y_onehot, [1, 2])
        dice = 2 * (num / (den1 + den2))
        return -1 * tf.reduce_sum(dice, [1, 0]) / tf.to_float(batch_size_tf)


def lossfcn(logits, labels, num_classes, batch_size_tf, weights=None):
    with tf.name_scope('loss'):
        shape = labels.get_shape().as_list()
        logits = tf.reshape(logits, [-1, num_classes])
        labelsonehot = tf.one_hot(tf.reshape(labels, [-1]), num_classes)
        cross_entropy = tf.nn.softmax_cross_entropy_with_logits(logits=logits, labels=labelsonehot)
        if weights is not None:
            cross_entropy *= tf.transpose(tf.matmul(labelsonehot, weights))
        return tf.reduce_sum(cross_entropy, name='xentropy_mean') / tf.to_float(batch_size_tf)
