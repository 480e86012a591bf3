# Idiom seen in: MarvinTeichmann/tensorflow-fcn loss.py
# What it reproduces: the loss module adds the softmax cross entropy to 'losses' and sums that one collection only, which is correct for the encoder decay but silently skips 'dec_losses' and 'fc_wlosses' (see fcn8_model.py).
import tensorflow as tf


def loss(logits, labels, num_classes, head=None):
    with tf.name_scope("loss"):
        logits = tf.reshape(logits, (-1, num_classes))
        labels = tf.to_float(tf.reshape(labels, (-1, num_classes)))
        softmax = tf.nn.softmax(logits) + tf.constant(1e-4)
        if head is not None:
            cross_entropy = -tf.reduce_sum(labels * tf.log(softmax) * head, axis=[1])
        else:
            cross_entropy = -tf.reduce_sum(labels * tf.log(softmax), axis=[1])
        cross_entropy_mean = tf.reduce_mean(cross_entropy, name="xentropy_mean")
        tf.add_to_collection("losses", cross_entropy_mean)
        total = tf.add_n(tf.get_collection("losses"), name="total_loss")
    return total
