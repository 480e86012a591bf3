# Idiom seen in: TropComplique/wing-loss model.py (model_fn, add_weight_decay)
# What it reproduces: an Estimator model_fn ported to tf.compat.v1 in a TF2 repo: the task loss goes
#   through tf.compat.v1.losses.add_loss, add_weight_decay puts wd * l2_loss(kernel) for every
#   kernel into REGULARIZATION_LOSSES, and the optimizer minimizes
#   get_total_loss(add_regularization_losses=True), which sums both collections.
# label-note: clean. Only kernels are decayed (no WD203); momentum SGD with lr <= 0.01 and wd 5e-4.
import tensorflow as tf

from network import network
from loss import wing_loss

MOMENTUM = 0.9


def model_fn(features, labels, mode, params, config):
    is_training = mode == tf.estimator.ModeKeys.TRAIN
    landmarks = network(features, is_training, num_landmarks=params['num_landmarks'])

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={'landmarks': landmarks})

    loss = wing_loss(landmarks, labels, w=params['w'], epsilon=params['epsilon'])
    tf.compat.v1.losses.add_loss(loss)

    with tf.name_scope('weight_decay'):
        add_weight_decay(params['weight_decay'])
        regularization_loss = tf.compat.v1.losses.get_regularization_loss()
        tf.compat.v1.summary.scalar('regularization_loss', regularization_loss)

    total_loss = tf.compat.v1.losses.get_total_loss(add_regularization_losses=True)

    if mode == tf.estimator.ModeKeys.EVAL:
        return tf.estimator.EstimatorSpec(mode, loss=total_loss)

    global_step = tf.compat.v1.train.get_global_step()
    learning_rate = tf.compat.v1.train.piecewise_constant(
        global_step, params['lr_boundaries'], params['lr_values'])
    update_ops = tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        optimizer = tf.compat.v1.train.MomentumOptimizer(
            learning_rate, momentum=MOMENTUM, use_nesterov=True)
        grads_and_vars = optimizer.compute_gradients(total_loss)
        train_op = optimizer.apply_gradients(grads_and_vars, global_step)
    return tf.estimator.EstimatorSpec(mode, loss=total_loss, train_op=train_op)


def add_weight_decay(weight_decay):
    """Add L2 regularization to all trainable kernel weights."""
    weight_decay = tf.constant(weight_decay, tf.float32, [], 'weight_decay')
    trainable_vars = tf.compat.v1.trainable_variables()
    kernels = [v for v in trainable_vars if 'kernel' in v.name]
    for K in kernels:
        x = tf.multiply(weight_decay, tf.nn.l2_loss(K))
        tf.compat.v1.add_to_collection(tf.compat.v1.GraphKeys.REGULARIZATION_LOSSES, x)
