# Idiom seen in: hengzZ/Learning LearnTensorFlow/slim_library.md
# What it reproduces: TF-Slim training as in the slim notes: arg_scope with weights_regularizer on conv/fc,
#   slim.losses.softmax_cross_entropy then slim.losses.get_total_loss() (which adds the regularization losses)
#   given to slim.learning.create_train_op and slim.learning.train (clean).
import tensorflow as tf

from datasets import flowers

slim = tf.contrib.slim

flags = tf.app.flags
flags.DEFINE_string('train_dir', '/tmp/flowers_alexnet', 'Where checkpoints go')
flags.DEFINE_string('dataset_dir', '/tmp/flowers', 'TFRecords')
flags.DEFINE_float('learning_rate', 0.01, 'Initial learning rate')
flags.DEFINE_float('weight_decay', 0.0005, 'L2 weight decay')
flags.DEFINE_integer('batch_size', 32, 'Batch size')
FLAGS = flags.FLAGS


def small_alexnet(images, num_classes, is_training):
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        activation_fn=tf.nn.relu,
                        weights_initializer=tf.truncated_normal_initializer(stddev=0.01),
                        weights_regularizer=slim.l2_regularizer(FLAGS.weight_decay)):
        net = slim.conv2d(images, 64, [11, 11], 4, padding='VALID', scope='conv1')
        net = slim.max_pool2d(net, [3, 3], 2, scope='pool1')
        net = slim.conv2d(net, 192, [5, 5], scope='conv2')
        net = slim.max_pool2d(net, [3, 3], 2, scope='pool2')
        net = slim.conv2d(net, 256, [3, 3], scope='conv3')
        net = slim.flatten(net)
        net = slim.fully_connected(net, 1024, scope='fc6')
        net = slim.dropout(net, 0.5, is_training=is_training, scope='dropout6')
        logits = slim.fully_connected(net, num_classes, activation_fn=None, scope='fc7')
    return logits


def main(_):
    tf.logging.set_verbosity(tf.logging.INFO)
    with tf.Graph().as_default():
        dataset = flowers.get_split('train', FLAGS.dataset_dir)
        images, labels = flowers.load_batch(dataset, batch_size=FLAGS.batch_size)
        logits = small_alexnet(images, dataset.num_classes, is_training=True)

        one_hot = slim.one_hot_encoding(labels, dataset.num_classes)
        slim.losses.softmax_cross_entropy(logits, one_hot)
        total_loss = slim.losses.get_total_loss()
        tf.summary.scalar('losses/total_loss', total_loss)

        optimizer = tf.train.MomentumOptimizer(FLAGS.learning_rate, 0.9)
        train_op = slim.learning.create_train_op(total_loss, optimizer)
        slim.learning.train(train_op, logdir=FLAGS.train_dir, number_of_steps=10000,
                            save_summaries_secs=60, save_interval_secs=600)


if __name__ == '__main__':
    tf.app.run()
