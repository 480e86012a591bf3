# Idiom seen in: Boristype000/machine_leaarning TensorFlow/cifar10/cifar10_distribute.py (tower_loss, average_gradients, parser taken from the model module)
# What it reproduces: `_ = model.loss(...)` throws away loss()'s own sum, then each tower re-reads tf.get_collection('losses', scope) and minimizes its add_n, so every decay term still reaches compute_gradients. Clean.
import re
import time
from datetime import datetime

import numpy as np
import tensorflow as tf

import model


def tower_loss(scope, images, labels):
    logits = model.inference(images)
    # Build the loss ops; the total is assembled per tower just below.
    _ = model.loss(logits, labels)
    losses = tf.get_collection('losses', scope)
    total_loss = tf.add_n(losses, name='total_loss')
    for l in losses + [total_loss]:
        loss_name = re.sub('%s_[0-9]*/' % model.TOWER_NAME, '', l.op.name)
        tf.summary.scalar(loss_name, l)
    return total_loss


def average_gradients(tower_grads):
    average_grads = []
    for grad_and_vars in zip(*tower_grads):
        grads = [tf.expand_dims(g, 0) for g, _ in grad_and_vars]
        grad = tf.reduce_mean(tf.concat(axis=0, values=grads), 0)
        average_grads.append((grad, grad_and_vars[0][1]))
    return average_grads


def train(flags):
    with tf.Graph().as_default(), tf.device('/cpu:0'):
        global_step = tf.train.get_or_create_global_step()
        num_batches_per_epoch = (model.NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN /
                                 flags.batch_size)
        decay_steps = int(num_batches_per_epoch * model.NUM_EPOCHS_PER_DECAY)
        lr = tf.train.exponential_decay(model.INITIAL_LEARNING_RATE,
                                        global_step, decay_steps,
                                        model.LEARNING_RATE_DECAY_FACTOR,
                                        staircase=True)
        opt = tf.train.GradientDescentOptimizer(lr)

        images, labels = model.distorted_inputs()
        batch_queue = tf.contrib.slim.prefetch_queue.prefetch_queue(
            [images, labels], capacity=2 * flags.num_gpus)

        tower_grads = []
        with tf.variable_scope(tf.get_variable_scope()):
            for i in range(flags.num_gpus):
                with tf.device('/gpu:%d' % i):
                    with tf.name_scope('%s_%d' % (model.TOWER_NAME, i)) as scope:
                        image_batch, label_batch = batch_queue.dequeue()
                        loss = tower_loss(scope, image_batch, label_batch)
                        tf.get_variable_scope().reuse_variables()
                        tower_grads.append(opt.compute_gradients(loss))

        grads = average_gradients(tower_grads)
        apply_op = opt.apply_gradients(grads, global_step=global_step)
        ema = tf.train.ExponentialMovingAverage(model.MOVING_AVERAGE_DECAY,
                                                global_step)
        train_op = tf.group(apply_op, ema.apply(tf.trainable_variables()))

        sess = tf.Session(config=tf.ConfigProto(allow_soft_placement=True))
        sess.run(tf.global_variables_initializer())
        tf.train.start_queue_runners(sess=sess)
        for step in range(flags.max_steps):
            start = time.time()
            _, loss_value = sess.run([train_op, loss])
            assert not np.isnan(loss_value), 'Model diverged with loss = NaN'
            if step % 10 == 0:
                print('%s: step %d, loss = %.2f (%.3f sec/batch)' % (
                    datetime.now(), step, loss_value, time.time() - start))


def main(_):
    train(model.FLAGS)


if __name__ == '__main__':
    parser = model.parser
    parser.add_argument('--max_steps', type=int, default=100000)
    parser.add_argument('--num_gpus', type=int, default=2)
    model.FLAGS, _ = parser.parse_known_args()
    tf.app.run()
