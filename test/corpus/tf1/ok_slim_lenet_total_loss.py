# Idiom seen in: gleefeng/slim-learning projects/mnist/train_readme.txt
# What it reproduces: the TF-Slim recipe: LeNet under slim.arg_scope(weights_regularizer=...), the loss
#   added with slim.losses, and total_loss = slim.losses.get_total_loss() (which adds the regularization
#   losses) given to create_train_op. Clean: the L2 terms are in the minimized loss.
import tensorflow as tf

from datasets import mnist

slim = tf.contrib.slim

flags = tf.app.flags
flags.DEFINE_string('train_dir', '/tmp/mnist_lenet', 'Directory for checkpoints and summaries.')
flags.DEFINE_float('learning_rate', 0.01, 'Initial learning rate.')
flags.DEFINE_float('momentum', 0.9, 'Momentum.')
flags.DEFINE_float('weight_decay', 0.0005, 'L2 scale for conv and fc weights.')
flags.DEFINE_integer('batch_size', 64, 'Batch size.')
FLAGS = flags.FLAGS


def lenet(images, num_classes=10, is_training=True):
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        weights_regularizer=slim.l2_regularizer(FLAGS.weight_decay),
                        activation_fn=tf.nn.relu):
        net = slim.conv2d(images, 32, [5, 5], scope='conv1')
        net = slim.max_pool2d(net, [2, 2], 2, scope='pool1')
        net = slim.conv2d(net, 64, [5, 5], scope='conv2')
        net = slim.max_pool2d(net, [2, 2], 2, scope='pool2')
        net = slim.flatten(net)
        net = slim.fully_connected(net, 1024, scope='fc3')
        net = slim.dropout(net, 0.5, is_training=is_training, scope='dropout3')
        logits = slim.fully_connected(net, num_classes, activation_fn=None, scope='fc4')
    return logits


def main(_):
    tf.logging.set_verbosity(tf.logging.INFO)
    images, labels = mnist.load_batch(FLAGS.batch_size, split='train')
    logits = lenet(images)

    slim.losses.softmax_cross_entropy(logits, slim.one_hot_encoding(labels, 10))
    total_loss = slim.losses.get_total_loss()
    tf.summary.scalar('losses/total_loss', total_loss)

    optimizer = tf.train.MomentumOptimizer(FLAGS.learning_rate, FLAGS.momentum)
    train_op = slim.learning.create_train_op(total_loss, optimizer)
    slim.learning.train(train_op, FLAGS.train_dir, save_summaries_secs=60)


if __name__ == '__main__':
    tf.app.run()
