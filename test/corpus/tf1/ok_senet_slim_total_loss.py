# Idiom seen in: Wingxvii/SENet-TFslim train_image_classifier.py
# What it reproduces: an SE block network built under slim.arg_scope(weights_regularizer=l2(weight_decay))
#   and trained on tf.losses.get_total_loss(), which includes REGULARIZATION_LOSSES, through
#   slim.learning.create_train_op with a MomentumOptimizer. Clean.
import tensorflow as tf

from datasets import dataset_factory

slim = tf.contrib.slim

tf.app.flags.DEFINE_string('dataset_dir', None, 'Dataset directory.')
tf.app.flags.DEFINE_string('train_dir', '/tmp/senet', 'Checkpoint directory.')
tf.app.flags.DEFINE_float('weight_decay', 0.0001, 'The weight decay on the model weights.')
tf.app.flags.DEFINE_float('learning_rate', 0.1, 'Initial learning rate.')
tf.app.flags.DEFINE_integer('batch_size', 64, 'Batch size.')
FLAGS = tf.app.flags.FLAGS


def squeeze_excitation(x, ratio, scope):
    with tf.variable_scope(scope):
        channels = x.get_shape().as_list()[-1]
        s = tf.reduce_mean(x, [1, 2])
        s = slim.fully_connected(s, channels // ratio, activation_fn=tf.nn.relu, scope='fc1')
        s = slim.fully_connected(s, channels, activation_fn=tf.nn.sigmoid, scope='fc2')
        return x * tf.reshape(s, [-1, 1, 1, channels])


def se_net(images, num_classes, is_training):
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        weights_regularizer=slim.l2_regularizer(FLAGS.weight_decay),
                        weights_initializer=slim.variance_scaling_initializer()):
        with slim.arg_scope([slim.batch_norm], is_training=is_training):
            net = slim.conv2d(images, 64, [3, 3], normalizer_fn=slim.batch_norm, scope='conv1')
            for i, depth in enumerate([64, 128, 256]):
                net = slim.conv2d(net, depth, [3, 3], stride=2, normalizer_fn=slim.batch_norm,
                                  scope='block%d/conv' % i)
                net = squeeze_excitation(net, 16, 'block%d/se' % i)
            net = tf.reduce_mean(net, [1, 2])
            logits = slim.fully_connected(net, num_classes, activation_fn=None, scope='logits')
    return logits


def main(_):
    with tf.Graph().as_default():
        dataset = dataset_factory.get_dataset('cifar10', 'train', FLAGS.dataset_dir)
        images, labels = dataset_factory.batch_inputs(dataset, FLAGS.batch_size)
        logits = se_net(images, dataset.num_classes, is_training=True)
        tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
        total_loss = tf.losses.get_total_loss()
        tf.summary.scalar('total_loss', total_loss)
        optimizer = tf.train.MomentumOptimizer(FLAGS.learning_rate, 0.9)
        train_op = slim.learning.create_train_op(total_loss, optimizer)
        slim.learning.train(train_op, logdir=FLAGS.train_dir, number_of_steps=60000)


if __name__ == '__main__':
    tf.app.run()
