# Idiom seen in: jg10545/patchwork patchwork/_util.py
# What it reproduces: the helper that sums tf.nn.l2_loss over a Keras model's kernels (biases and BN skipped),
# used by the contrastive training steps as an explicit L2 term.
import tensorflow as tf


def compute_l2_loss(*models):
    """Sum of tf.nn.l2_loss over the convolution and dense kernels of the given models."""
    loss = 0
    for m in models:
        for v in m.trainable_variables:
            if "kernel" in v.name:
                loss += tf.nn.l2_loss(v)
    return loss
