# Idiom seen in: ntozer/mixmatch-tensorflow2.0 mixmatch.py
# What it reproduces: MixMatch helpers; weight_decay() multiplies every trainable variable by
#   (1 - decay_rate) after the optimizer step (decoupled decay done by hand), ema() tracks a teacher model.
import numpy as np
import tensorflow as tf


def linear_rampup(epoch, rampup_length=16):
    if rampup_length == 0:
        return 1.
    return float(np.clip(epoch / rampup_length, 0., 1.))


def semi_loss(labels_x, logits_x, labels_u, logits_u):
    loss_xe = tf.nn.softmax_cross_entropy_with_logits(labels=labels_x, logits=logits_x)
    loss_xe = tf.reduce_mean(loss_xe)
    loss_l2u = tf.square(labels_u - tf.nn.softmax(logits_u))
    loss_l2u = tf.reduce_mean(loss_l2u)
    return loss_xe, loss_l2u


def weight_decay(model, decay_rate):
    for var in model.trainable_variables:
        var.assign(var * (1 - decay_rate))


def ema(model, ema_model, ema_decay):
    for var, ema_var in zip(model.variables, ema_model.variables):
        if var.trainable:
            ema_var.assign((1 - ema_decay) * var + ema_decay * ema_var)
        else:
            ema_var.assign(tf.identity(var))
