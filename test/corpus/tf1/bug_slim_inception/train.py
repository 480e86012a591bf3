# Idiom seen in: weizhenzhao/Tensorflow Inception3.py
# What it reproduces: flower-photos training script for nets.mini_inception. Realistic mistake: the loss
#   is the bare softmax cross entropy (no tf.losses.get_regularization_loss(), no get_total_loss()), so
#   the arg_scope's weights_regularizer in nets.py collects terms nobody trains on.
import tensorflow as tf

import nets
from flower_input import distorted_inputs

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('data_dir', '/data/flower_photos', 'dataset')
tf.app.flags.DEFINE_string('train_dir', '/tmp/flowers_train', 'checkpoints')
tf.app.flags.DEFINE_float('learning_rate', 0.01, 'initial learning rate')
tf.app.flags.DEFINE_integer('max_steps', 30000, 'steps')


def main(_):
    images, labels = distorted_inputs(FLAGS.data_dir, batch_size=64)
    logits = nets.mini_inception(images, num_classes=5, is_training=True)
    cross_entropy = tf.reduce_mean(
        tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))
    tf.summary.scalar('cross_entropy', cross_entropy)

    global_step = tf.train.get_or_create_global_step()
    lr = tf.train.exponential_decay(FLAGS.learning_rate, global_step, 5000, 0.5, staircase=True)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        train_op = tf.train.RMSPropOptimizer(lr, decay=0.9, epsilon=1.0).minimize(cross_entropy, global_step=global_step)

    with tf.train.MonitoredTrainingSession(checkpoint_dir=FLAGS.train_dir,
                                           hooks=[tf.train.StopAtStepHook(last_step=FLAGS.max_steps)]) as sess:
        while not sess.should_stop():
            sess.run(train_op)


if __name__ == '__main__':
    tf.app.run()
