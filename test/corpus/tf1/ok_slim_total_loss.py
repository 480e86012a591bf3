# Idiom seen in: fxfviolet/DenseNet_for_quiz_classification train_image_classifier.py
# What it reproduces: TF-slim training with the weight decay set through slim.arg_scope(weights_regularizer=...),
# the loss registered with tf.losses.softmax_cross_entropy and the trained loss being tf.losses.get_total_loss(),
# which includes the regularization losses; slim.learning.create_train_op minimizes it. Clean.
import tensorflow as tf

from datasets import dataset_factory
from preprocessing import preprocessing_factory

slim = tf.contrib.slim

tf.app.flags.DEFINE_string('dataset_dir', None, 'TFRecords location')
tf.app.flags.DEFINE_string('train_dir', '/tmp/densenet_quiz', 'log dir')
tf.app.flags.DEFINE_float('weight_decay', 1e-4, 'l2 on conv/fc weights')
tf.app.flags.DEFINE_float('learning_rate', 0.1, 'initial learning rate')
tf.app.flags.DEFINE_integer('batch_size', 64, 'batch size')
tf.app.flags.DEFINE_integer('max_number_of_steps', 50000, 'steps')
FLAGS = tf.app.flags.FLAGS


def bn_relu_conv(net, filters, kernel, scope):
    with tf.variable_scope(scope):
        net = slim.batch_norm(net)
        net = tf.nn.relu(net)
        return slim.conv2d(net, filters, kernel, activation_fn=None)


def densenet(images, num_classes, growth=12, layers_per_block=6):
    net = slim.conv2d(images, 2 * growth, [3, 3], scope='stem')
    for b in range(3):
        for i in range(layers_per_block):
            out = bn_relu_conv(net, growth, [3, 3], 'block%d_layer%d' % (b, i))
            net = tf.concat([net, out], axis=3)
        if b < 2:
            net = bn_relu_conv(net, int(net.get_shape()[-1]) // 2, [1, 1], 'transition%d' % b)
            net = slim.avg_pool2d(net, [2, 2])
    net = tf.reduce_mean(net, [1, 2])
    return slim.fully_connected(net, num_classes, activation_fn=None, scope='logits')


def main(_):
    with tf.Graph().as_default():
        dataset = dataset_factory.get_dataset('quiz', 'train', FLAGS.dataset_dir)
        preprocess = preprocessing_factory.get_preprocessing('densenet', is_training=True)
        images, labels = dataset_factory.batch_inputs(dataset, FLAGS.batch_size, preprocess)

        with slim.arg_scope([slim.conv2d, slim.fully_connected],
                            weights_regularizer=slim.l2_regularizer(FLAGS.weight_decay)):
            with slim.arg_scope([slim.batch_norm], is_training=True, decay=0.99):
                logits = densenet(images, dataset.num_classes)

        tf.losses.softmax_cross_entropy(slim.one_hot_encoding(labels, dataset.num_classes), logits)
        total_loss = tf.losses.get_total_loss()
        tf.summary.scalar('total_loss', total_loss)

        global_step = tf.train.get_or_create_global_step()
        learning_rate = tf.train.exponential_decay(FLAGS.learning_rate, global_step, 10000, 0.5,
                                                   staircase=True)
        optimizer = tf.train.MomentumOptimizer(learning_rate, 0.9, use_nesterov=True)
        train_op = slim.learning.create_train_op(total_loss, optimizer, global_step=global_step)
        slim.learning.train(train_op, FLAGS.train_dir, number_of_steps=FLAGS.max_number_of_steps)


if __name__ == '__main__':
    tf.app.run()
