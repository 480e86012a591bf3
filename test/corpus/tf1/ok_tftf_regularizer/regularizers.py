# Idiom seen in: yusugomori/tftf tftf/layers/regularizers/l2.py
# What it reproduces: tftf-style regularizer objects: l2(alpha) returns a callable computing
#   alpha * tf.nn.l2_loss(weights); model.py sums them into the loss it minimizes. Clean.
import tensorflow as tf


def l2(alpha=0.):
    reg = L2(alpha)
    return reg.loss


class L2(object):
    def __init__(self, alpha):
        self.alpha = alpha

    def loss(self, weights):
        return self.alpha * tf.nn.l2_loss(weights)
