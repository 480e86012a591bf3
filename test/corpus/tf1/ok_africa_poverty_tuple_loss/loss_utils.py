# Idiom seen in: sustainlab-group/africa_poverty models/loss_utils.py
# What it reproduces: loss helpers that return a 4-tuple (loss_total, loss_data, loss_reg, summaries)
#   where loss_total = tf.losses.get_total_loss(add_regularization_losses=True).
import tensorflow as tf


def loss_mse(labels, preds, weights=None, add_summaries=True):
    if weights is None:
        weights = 1.0
    loss_mse = tf.losses.mean_squared_error(labels, preds, weights=weights)
    loss_total, loss_reg, loss_summaries = _loss_helper(loss_mse, 'loss_mse', add_summaries)
    return loss_total, loss_mse, loss_reg, loss_summaries


def loss_xent(labels, logits, weights=None, add_summaries=True):
    if weights is None:
        weights = 1.0
    loss_xent = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits, weights=weights)
    loss_total, loss_reg, loss_summaries = _loss_helper(loss_xent, 'loss_cross_entropy', add_summaries)
    return loss_total, loss_xent, loss_reg, loss_summaries


def _loss_helper(loss, loss_name=None, add_summaries=False):
    loss_total = tf.losses.get_total_loss(add_regularization_losses=True)
    loss_reg = tf.losses.get_regularization_loss()
    loss_summaries = None
    if add_summaries:
        loss_summaries = tf.summary.merge([
            tf.summary.scalar('loss_total', loss_total),
            tf.summary.scalar('loss_regularization_only', loss_reg),
            tf.summary.scalar(loss_name, loss),
        ])
    return loss_total, loss_reg, loss_summaries
