# Idiom seen in: mlbench/mlbench-core mlbench_core/evaluation/tensorflow/criterion.py
# Idiom seen in: mlbench/mlbench-core mlbench_core/controlflow/tensorflow/train_validation.py
# What it reproduces: a criterion that returns cross entropy + l2 * sum(l2_loss(v)) over tf.trainable_variables()
#   filtered by loss_filter_fn (batch-norm variables excluded); the training script minimizes exactly that
#   returned loss with MomentumOptimizer. Clean.
import tensorflow as tf


def softmax_cross_entropy_with_logits_v2_l2_regularized(logits, labels, l2, loss_filter_fn):
    """Cross entropy with weight decay; loss_filter_fn decides which variables decay."""
    labels = tf.cast(labels, tf.int32)
    with tf.name_scope("loss"):
        cross_entropy = tf.reduce_mean(
            tf.nn.softmax_cross_entropy_with_logits_v2(logits=logits, labels=labels))
        loss = cross_entropy + l2 * tf.add_n(
            [tf.nn.l2_loss(v) for v in tf.trainable_variables() if loss_filter_fn(v.name)])
    return loss
