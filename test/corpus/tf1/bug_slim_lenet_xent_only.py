# Idiom seen in: mnoukhov/tf-slim-mnist mnist_train.py
# Idiom seen in: mnoukhov/tf-slim-mnist model.py
# What it reproduces: LeNet built under slim.arg_scope(weights_regularizer=...), but the train op is created
# from the loss slim.losses.softmax_cross_entropy returns instead of get_total_loss(), so the regularization
# losses never reach the optimizer (user's mistake in this repo's idiom; the repo used get_total_loss): WD102.
import tensorflow as tf
import tensorflow.contrib.slim as slim

from mnist import inputs

flags = tf.app.flags
flags.DEFINE_string('train_dir', '/tmp/data', 'Directory with the training data.')
flags.DEFINE_integer('batch_size', 64, 'Batch size.')
flags.DEFINE_integer('num_batches', None, 'Num of batches to train (epochs).')
flags.DEFINE_string('log_dir', './log/train', 'Directory with the log data.')
flags.DEFINE_float('weight_decay', 5e-4, 'L2 regularization scale.')
FLAGS = flags.FLAGS


def lenet(images):
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        weights_regularizer=slim.l2_regularizer(FLAGS.weight_decay),  # expect: WD102
                        activation_fn=tf.nn.relu):
        net = slim.conv2d(images, 20, [5, 5], scope='conv1')
        net = slim.max_pool2d(net, [2, 2], scope='pool1')
        net = slim.conv2d(net, 50, [5, 5], scope='conv2')
        net = slim.max_pool2d(net, [2, 2], scope='pool2')
        net = slim.flatten(net, scope='flatten3')
        net = slim.fully_connected(net, 500, scope='fc4')
        net = slim.fully_connected(net, 10, activation_fn=None, scope='fc5')
    return net


def main(train_dir, batch_size, num_batches, log_dir):
    images, labels = inputs(train_dir, True, batch_size, num_batches, one_hot_labels=True)
    predictions = lenet(images)

    loss = slim.losses.softmax_cross_entropy(predictions, labels)
    tf.summary.scalar('loss', loss)

    optimizer = tf.train.RMSPropOptimizer(0.001, 0.9)
    train_op = slim.learning.create_train_op(loss, optimizer, summarize_gradients=True)
    slim.learning.train(train_op, log_dir, save_summaries_secs=20)


if __name__ == '__main__':
    main(FLAGS.train_dir, FLAGS.batch_size, FLAGS.num_batches, FLAGS.log_dir)
