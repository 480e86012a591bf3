# Idiom seen in: JZDSS/multi-gpus multi_gpus/layers.py
# Idiom seen in: JZDSS/multi-gpus train_muti_gpus_mix_exp.py
# What it reproduces: conv helpers whose _create_variable puts weight_decay * l2_loss(var) into
#   REGULARIZATION_LOSSES; each tower sums get_losses(scope) + get_regularization_losses(scope), but
#   the gradients are taken of the cross entropy alone, the sum only feeds a summary (user slip; the
#   repo computes the gradients of the sum).
from __future__ import print_function

import os

import tensorflow as tf
import tensorflow.contrib.losses as losses

import cfg
import layers
from utils.input_pipeline import input_pipeline

FLAGS = cfg.FLAGS
is_training = tf.placeholder(tf.bool)


def average_gradients(tower_grads):
    average_grads = []
    for grad_and_vars in zip(*tower_grads):
        grads = [tf.expand_dims(g, 0) for g, _ in grad_and_vars if g is not None]
        grad = tf.reduce_mean(tf.concat(axis=0, values=grads), 0)
        average_grads.append((grad, grad_and_vars[0][1]))
    return average_grads


def main(_):
    num_gpus = len(FLAGS.gpu.split(','))
    with tf.device('/cpu:0'):
        global_step = tf.Variable(0, name='global_step', trainable=False)
        learning_rate = tf.train.exponential_decay(0.1, global_step, 1000, 0.95, staircase=True)
        opt = tf.train.MomentumOptimizer(learning_rate, momentum=FLAGS.momentum)
        images, labels = input_pipeline(
            tf.train.match_filenames_once(os.path.join(FLAGS.data_dir, 'train', '*.tfrecords')),
            FLAGS.batch_size)
        batch_queue = tf.contrib.slim.prefetch_queue.prefetch_queue([images, labels],
                                                                    capacity=2 * num_gpus)
        tower_grads, tower_loss = [], []
        for i in range(num_gpus):
            with tf.device('/gpu:%d' % i):
                with tf.name_scope('tower_%d' % i) as scope:
                    image_batch, label_batch = batch_queue.dequeue()
                    logits = layers.net(image_batch, is_training, FLAGS)
                    xent = losses.sparse_softmax_cross_entropy(labels=label_batch, logits=logits,
                                                               scope=scope)
                    total_loss = tf.add_n(losses.get_losses(scope=scope) + losses.get_regularization_losses(scope=scope))  # expect: WD105
                    tf.summary.scalar('total_loss', total_loss)
                    grads = opt.compute_gradients(xent)
                    tower_grads.append(grads)
                    tower_loss.append(xent)
                    tf.get_variable_scope().reuse_variables()
        batch_loss = tf.add_n(tower_loss) / num_gpus
        tf.summary.scalar('loss', batch_loss)
        grads = average_gradients(tower_grads)
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            train_op = opt.apply_gradients(grads, global_step=global_step)
        summary_op = tf.summary.merge_all()
        saver = tf.train.Saver(max_to_keep=10)

    config = tf.ConfigProto(allow_soft_placement=True)
    with tf.Session(config=config) as sess:
        sess.run([tf.global_variables_initializer(), tf.local_variables_initializer()])
        coord = tf.train.Coordinator()
        threads = tf.train.start_queue_runners(coord=coord)
        writer = tf.summary.FileWriter(FLAGS.log_dir + '/train', sess.graph)
        for i in range(FLAGS.max_steps + 1):
            if i % 1000 == 0:
                loss, summ = sess.run([batch_loss, summary_op], feed_dict={is_training: False})
                writer.add_summary(summ, i)
                print('step %d: loss=%f' % (i, loss))
                saver.save(sess, os.path.join(FLAGS.ckpt_dir, FLAGS.model_name), global_step=i)
            sess.run(train_op, feed_dict={is_training: True})
        coord.request_stop()
        coord.join(threads)


if __name__ == '__main__':
    tf.app.run()
