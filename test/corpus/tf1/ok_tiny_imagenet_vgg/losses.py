# Idiom seen in: pat-coady/tiny_imagenet src/vgg_16.py
# Idiom seen in: pat-coady/tiny_imagenet src/train.py
# Idiom seen in: pat-coady/tiny_imagenet src/losses.py
# What it reproduces: layers built with kernel_regularizer=l2_regularizer(1.0) and the real scale applied in the
#   training script (config.reg times the summed REGULARIZATION_LOSSES) added to the summed LOSSES collection;
#   that total is what MomentumOptimizer minimizes, so the decay is live. Clean.
import tensorflow as tf


def softmax_ce_loss(logits, labels):
    """Mean softmax cross entropy; tf.losses puts it in tf.GraphKeys.LOSSES."""
    labels = tf.cast(labels, tf.int32)
    ce_loss = tf.losses.sparse_softmax_cross_entropy(labels, logits, weights=1.0)
    tf.summary.scalar('loss', ce_loss)
    return ce_loss
