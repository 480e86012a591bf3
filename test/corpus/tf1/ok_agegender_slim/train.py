# Idiom seen in: dpressel/rude-carnie train.py
# Idiom seen in: dpressel/rude-carnie model.py
# What it reproduces: tf.app.run training script: loss() puts the cross entropy in 'losses', reads
#   REGULARIZATION_LOSSES and returns cross_entropy + LAMBDA * sum(...); that total goes to
#   tf.contrib.layers.optimize_loss with a Momentum optimizer (clean).
import json
import os
import time
import numpy as np
import tensorflow as tf
from data import distorted_inputs
from model import select_model

LAMBDA = 0.01
MOM = 0.9
tf.app.flags.DEFINE_string('train_dir', '/data/AgeGender/Folds/tf/test_fold_is_0', 'Training directory')
tf.app.flags.DEFINE_string('optim', 'Momentum', 'Optimizer')
tf.app.flags.DEFINE_integer('image_size', 227, 'Image size')
tf.app.flags.DEFINE_float('eta', 0.01, 'Learning rate')
tf.app.flags.DEFINE_float('pdrop', 0., 'Dropout probability')
tf.app.flags.DEFINE_integer('max_steps', 40000, 'Number of iterations')
tf.app.flags.DEFINE_integer('steps_per_decay', 10000, 'Number of steps before learning rate decay')
tf.app.flags.DEFINE_float('eta_decay_rate', 0.1, 'Learning rate decay')
tf.app.flags.DEFINE_integer('batch_size', 128, 'Batch size')
tf.app.flags.DEFINE_string('model_type', 'default', 'Type of convnet')
FLAGS = tf.app.flags.FLAGS


def exponential_staircase_decay(at_step=10000, decay_rate=0.1):
    def _decay(lr, global_step):
        return tf.train.exponential_decay(lr, global_step, at_step, decay_rate, staircase=True)
    return _decay


def optimizer(optim, eta, loss_fn, at_step, decay_rate):
    global_step = tf.Variable(0, trainable=False)
    if optim == 'Adadelta':
        optz = lambda lr: tf.train.AdadeltaOptimizer(lr, 0.95, 1e-6)
        lr_decay_fn = None
    else:
        optz = lambda lr: tf.train.MomentumOptimizer(lr, MOM)
        lr_decay_fn = exponential_staircase_decay(at_step, decay_rate)
    return tf.contrib.layers.optimize_loss(loss_fn, global_step, eta, optz, clip_gradients=4.,
                                           learning_rate_decay_fn=lr_decay_fn)


def loss(logits, labels):
    labels = tf.cast(labels, tf.int32)
    cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(
        logits=logits, labels=labels, name='cross_entropy_per_example')
    cross_entropy_mean = tf.reduce_mean(cross_entropy, name='cross_entropy')
    tf.add_to_collection('losses', cross_entropy_mean)
    losses = tf.get_collection('losses')
    regularization_losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
    total_loss = cross_entropy_mean + LAMBDA * sum(regularization_losses)
    tf.summary.scalar('tl (raw)', total_loss)
    loss_averages = tf.train.ExponentialMovingAverage(0.9, name='avg')
    loss_averages_op = loss_averages.apply(losses + [total_loss])
    with tf.control_dependencies([loss_averages_op]):
        total_loss = tf.identity(total_loss)
    return total_loss


def main(argv=None):
    with tf.Graph().as_default():
        model_fn = select_model(FLAGS.model_type)
        with open(os.path.join(FLAGS.train_dir, 'md.json'), 'r') as f:
            md = json.load(f)
        images, labels, _ = distorted_inputs(FLAGS.train_dir, FLAGS.batch_size, FLAGS.image_size, 4)
        logits = model_fn(md['nlabels'], images, 1 - FLAGS.pdrop, True)
        total_loss = loss(logits, labels)
        train_op = optimizer(FLAGS.optim, FLAGS.eta, total_loss, FLAGS.steps_per_decay, FLAGS.eta_decay_rate)

        sess = tf.Session()
        tf.global_variables_initializer().run(session=sess)
        tf.train.start_queue_runners(sess=sess)
        for step in range(FLAGS.max_steps):
            start_time = time.time()
            _, loss_value = sess.run([train_op, total_loss])
            assert not np.isnan(loss_value), 'Model diverged with loss = NaN'
            if step % 10 == 0:
                print('step %d, loss = %.3f (%.3f sec/batch)' % (step, loss_value, time.time() - start_time))


if __name__ == '__main__':
    tf.app.run()
