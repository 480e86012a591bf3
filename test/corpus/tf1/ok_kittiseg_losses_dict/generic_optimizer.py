# Idiom seen in: MarvinTeichmann/KittiSeg optimizer/generic_optimizer.py
# What it reproduces: training() takes the losses dict and differentiates loss['total_loss']: clean.
import tensorflow as tf


def training(hypes, loss, global_step, learning_rate):
    sol = hypes["solver"]
    total_loss = loss['total_loss']
    with tf.name_scope('training'):
        if sol['opt'] == 'RMS':
            opt = tf.train.RMSPropOptimizer(learning_rate=learning_rate, decay=0.9, epsilon=sol['epsilon'])
        elif sol['opt'] == 'Adam':
            opt = tf.train.AdamOptimizer(learning_rate=learning_rate, epsilon=sol['epsilon'])
        elif sol['opt'] == 'SGD':
            opt = tf.train.GradientDescentOptimizer(learning_rate=learning_rate)
        else:
            raise ValueError('Unrecognized opt type')

        grads_and_vars = opt.compute_gradients(total_loss)
        if hypes['clip_norm'] > 0:
            grads, tvars = zip(*grads_and_vars)
            clipped_grads, norm = tf.clip_by_global_norm(grads, hypes["clip_norm"])
            grads_and_vars = zip(clipped_grads, tvars)
        train_op = opt.apply_gradients(grads_and_vars, global_step=global_step)
    return train_op
