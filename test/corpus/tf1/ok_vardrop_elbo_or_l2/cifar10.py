# Idiom seen in: BayesWatch/tf-variational-dropout cifar10.py
# What it reproduces: loss() adds the cross entropy and the ELBO's KL term to 'losses'; when the model
#   has no variational-dropout layers it adds 5e-4 * sum(l2_loss(v)) instead, and returns
#   tf.add_n(tf.get_collection('losses')), which train() differentiates (clean).
import argparse
import os
import tensorflow as tf

import cifar10_input
import variational_dropout as vd

parser = argparse.ArgumentParser()
parser.add_argument('--batch_size', type=int, default=128)
parser.add_argument('--data_dir', type=str, default='/tmp/cifar10/data')
parser.add_argument('--vd', action='store_true', help='use variational dropout layers')
FLAGS, unknown = parser.parse_known_args()

NUM_CLASSES = cifar10_input.NUM_CLASSES
NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN = cifar10_input.NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN
MOVING_AVERAGE_DECAY = 0.9999


def distorted_inputs():
    data_dir = os.path.join(FLAGS.data_dir, 'cifar-10-batches-bin')
    return cifar10_input.distorted_inputs(data_dir=data_dir, batch_size=FLAGS.batch_size)


def inference(images, phase):
    x = tf.layers.conv2d(images, 64, 3, padding='same', activation=tf.nn.relu, name='conv1')
    x = tf.layers.max_pooling2d(x, 2, 2)
    x = tf.layers.conv2d(x, 128, 3, padding='same', activation=tf.nn.relu, name='conv2')
    x = tf.layers.max_pooling2d(x, 2, 2)
    x = tf.reshape(x, [FLAGS.batch_size, -1])
    if FLAGS.vd:
        x = tf.nn.relu(vd.fully_connected(x, phase, 384, name='fc1'))
        return vd.fully_connected(x, phase, NUM_CLASSES, name='fc2')
    x = tf.layers.dense(x, 384, activation=tf.nn.relu, name='fc1')
    return tf.layers.dense(x, NUM_CLASSES, name='fc2')


def loss(logits, labels):
    labels = tf.cast(labels, tf.int64)
    cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(
        labels=labels, logits=logits, name='cross_entropy_per_example')
    cross_entropy_mean = tf.reduce_mean(cross_entropy, name='cross_entropy')
    tf.add_to_collection('losses', cross_entropy_mean)

    log_alphas = vd.gather_logalphas(tf.get_default_graph())
    divergences = [vd.dkl_qp(la) for la in log_alphas]
    if divergences:
        N = float(NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN)
        elbo_reg = tf.identity((1. / N) * tf.reduce_sum(tf.stack(divergences)), name='elbo_reg')
        tf.add_to_collection('losses', elbo_reg)

    if not len(log_alphas) > 0:
        l2_loss = tf.add_n([tf.nn.l2_loss(v) for v in tf.trainable_variables()])
        tf.add_to_collection('losses', tf.identity(5e-4 * l2_loss, name='l2'))

    return tf.add_n(tf.get_collection('losses'), name='total_loss')


def train(total_loss, global_step, learning_rate):
    tf.summary.scalar('learning_rate', learning_rate)
    opt = tf.train.MomentumOptimizer(learning_rate, 0.9)
    grads = opt.compute_gradients(total_loss)
    apply_gradient_op = opt.apply_gradients(grads, global_step=global_step)
    variable_averages = tf.train.ExponentialMovingAverage(MOVING_AVERAGE_DECAY, global_step)
    variables_averages_op = variable_averages.apply(tf.trainable_variables())
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies([apply_gradient_op, variables_averages_op] + update_ops):
        train_op = tf.no_op(name='train')
    return train_op
