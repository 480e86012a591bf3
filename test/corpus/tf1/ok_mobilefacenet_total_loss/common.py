# Idiom seen in: sirius-ai/MobileFaceNet_TF train_nets.py
# Idiom seen in: sirius-ai/MobileFaceNet_TF utils/common.py
# Idiom seen in: sirius-ai/MobileFaceNet_TF nets/MobileFaceNet.py
# What it reproduces: slim weights_regularizer fills REGULARIZATION_LOSSES; train_nets.py adds them to
# the margin loss in total_loss and builds the train op from total_loss, as the repo does (clean).
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import tensorflow as tf


def _add_loss_summaries(total_loss, summaries):
    loss_averages = tf.train.ExponentialMovingAverage(0.9, name='avg')
    losses = tf.get_collection('losses')
    loss_averages_op = loss_averages.apply(losses + [total_loss])
    for l in losses + [total_loss]:
        summaries.append(tf.summary.scalar(l.op.name + ' (raw)', l))
        summaries.append(tf.summary.scalar(l.op.name, loss_averages.average(l)))
    return loss_averages_op


def train(total_loss, global_step, optimizer, learning_rate,
          moving_average_decay, update_gradient_vars, summaries):
    loss_averages_op = _add_loss_summaries(total_loss, summaries)

    with tf.control_dependencies([loss_averages_op]):
        if optimizer == 'ADAGRAD':
            opt = tf.train.AdagradOptimizer(learning_rate)
        elif optimizer == 'ADAM':
            opt = tf.train.AdamOptimizer(learning_rate, beta1=0.9, beta2=0.999,
                                         epsilon=0.1)
        elif optimizer == 'MOM':
            opt = tf.train.MomentumOptimizer(learning_rate, 0.9,
                                             use_nesterov=True)
        else:
            raise ValueError('Invalid optimization algorithm')
        grads = opt.compute_gradients(total_loss, update_gradient_vars)

    apply_gradient_op = opt.apply_gradients(grads, global_step=global_step)

    variable_averages = tf.train.ExponentialMovingAverage(
        moving_average_decay, global_step)
    variables_averages_op = variable_averages.apply(tf.trainable_variables())

    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops + [apply_gradient_op,
                                               variables_averages_op]):
        train_op = tf.no_op(name='train')
    return train_op
