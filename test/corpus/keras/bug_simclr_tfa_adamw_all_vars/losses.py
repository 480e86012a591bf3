# Idiom seen in: garder14/simclr-tensorflow2 pretraining.py
# What it reproduces: the NT-Xent contrastive loss the pretraining step differentiates.
import tensorflow as tf


def nt_xent_loss(z, temperature):
    z = tf.math.l2_normalize(z, axis=1)
    n = tf.shape(z)[0] // 2
    similarity = tf.matmul(z, z, transpose_b=True) / temperature
    similarity = similarity - tf.eye(2 * n) * 1e9
    labels = tf.concat([tf.range(n, 2 * n), tf.range(0, n)], axis=0)
    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=similarity))
