# Idiom seen in: FortiLeiZhang/model_zoo TensorFlow/facenet/src/train_tripletloss.py
# Idiom seen in: FortiLeiZhang/model_zoo TensorFlow/facenet/src/models/inception_resnet_v1.py
# What it reproduces: FaceNet triplet-loss training: inference() opens slim.arg_scope(weights_regularizer=l2(weight_decay))
#   and builds the net in a function called inside it; the script sums [triplet_loss] + REGULARIZATION_LOSSES and a
#   helper train() minimizes that total (clean). --weight_decay defaults to 0.0 on the command line, as in the repo.
import tensorflow as tf


def triplet_loss(anchor, positive, negative, alpha):
    with tf.variable_scope('triplet_loss'):
        pos_dist = tf.reduce_sum(tf.square(tf.subtract(anchor, positive)), 1)
        neg_dist = tf.reduce_sum(tf.square(tf.subtract(anchor, negative)), 1)
        basic_loss = tf.add(tf.subtract(pos_dist, neg_dist), alpha)
        return tf.reduce_mean(tf.maximum(basic_loss, 0.0), 0)


def train(total_loss, global_step, optimizer, learning_rate, moving_average_decay, update_gradient_vars):
    if optimizer == 'ADAGRAD':
        opt = tf.train.AdagradOptimizer(learning_rate)
    elif optimizer == 'ADAM':
        opt = tf.train.AdamOptimizer(learning_rate, beta1=0.9, beta2=0.999, epsilon=0.1)
    elif optimizer == 'RMSPROP':
        opt = tf.train.RMSPropOptimizer(learning_rate, decay=0.9, momentum=0.9, epsilon=1.0)
    elif optimizer == 'MOM':
        opt = tf.train.MomentumOptimizer(learning_rate, 0.9, use_nesterov=True)
    else:
        raise ValueError('Invalid optimization algorithm')
    grads = opt.compute_gradients(total_loss, update_gradient_vars)
    apply_gradient_op = opt.apply_gradients(grads, global_step=global_step)
    variable_averages = tf.train.ExponentialMovingAverage(moving_average_decay, global_step)
    variables_averages_op = variable_averages.apply(tf.trainable_variables())
    with tf.control_dependencies([apply_gradient_op, variables_averages_op]):
        train_op = tf.no_op(name='train')
    return train_op
