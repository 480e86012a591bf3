# Idiom seen in: da-steve101/binary_connect_cifar src/main/python/Cifar10Tri.py
# What it reproduces: training script for the ternary net; tf.losses.sparse_softmax_cross_entropy adds
# its value to GraphKeys.LOSSES ('losses') and get_total_loss() sums that collection, decay terms included: clean.
import tensorflow as tf

import tri_model
from cifar10_input import distorted_inputs

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('data_dir', '/tmp/cifar10_data', 'where the binaries are')
tf.app.flags.DEFINE_string('train_dir', 'train_out', 'checkpoints')
tf.app.flags.DEFINE_integer('batch_size', 128, 'batch size')
tf.app.flags.DEFINE_integer('max_steps', 100000, 'steps')


def main(_):
    with tf.Graph().as_default():
        global_step = tf.train.get_or_create_global_step()
        images, labels = distorted_inputs(FLAGS.data_dir, FLAGS.batch_size)
        logits = tri_model.inference(images, training=True)
        tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
        total_loss = tf.losses.get_total_loss(name='total_loss')
        tf.summary.scalar('total_loss', total_loss)
        lr = tf.train.exponential_decay(0.1, global_step, 20000, 0.5, staircase=True)
        with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
            train_op = tf.train.MomentumOptimizer(lr, 0.9).minimize(total_loss, global_step=global_step)
        with tf.train.MonitoredTrainingSession(checkpoint_dir=FLAGS.train_dir,
                                               hooks=[tf.train.StopAtStepHook(last_step=FLAGS.max_steps)]) as sess:
            while not sess.should_stop():
                sess.run(train_op)


if __name__ == '__main__':
    tf.app.run()
