# Idiom seen in: WeiChungChang/slim_practice train_image_classifier.py
# What it reproduces: slim training with FLAGS.weight_decay fed to an arg_scope's weights_regularizer;
#   a user mistake in that idiom (the script's model_deploy adds the regularization losses): the
#   hand-written train_op minimizes only tf.losses.softmax_cross_entropy, so REGULARIZATION_LOSSES is never
#   read and the l2 on every conv/fc layer is dead (WD102 at the arg_scope keyword).
import tensorflow as tf

from datasets import dataset_factory
from preprocessing import preprocessing_factory

slim = tf.contrib.slim

tf.app.flags.DEFINE_string('dataset_dir', None, 'The directory where the dataset files are stored.')
tf.app.flags.DEFINE_string('train_dir', '/tmp/tfmodel/', 'Directory for checkpoints and event logs.')
tf.app.flags.DEFINE_float('weight_decay', 0.00004, 'The weight decay on the model weights.')
tf.app.flags.DEFINE_float('learning_rate', 0.01, 'Initial learning rate.')
tf.app.flags.DEFINE_float('momentum', 0.9, 'The momentum for the MomentumOptimizer.')
tf.app.flags.DEFINE_integer('batch_size', 32, 'The number of samples in each batch.')
tf.app.flags.DEFINE_integer('max_number_of_steps', None, 'The maximum number of training steps.')
FLAGS = tf.app.flags.FLAGS


def simple_net(images, num_classes, is_training):
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        activation_fn=tf.nn.relu,
                        weights_regularizer=slim.l2_regularizer(FLAGS.weight_decay)):  # expect: WD102
        net = slim.conv2d(images, 32, [3, 3], scope='conv1')
        net = slim.max_pool2d(net, [2, 2], scope='pool1')
        net = slim.conv2d(net, 64, [3, 3], scope='conv2')
        net = slim.max_pool2d(net, [2, 2], scope='pool2')
        net = slim.flatten(net)
        net = slim.fully_connected(net, 256, scope='fc3')
        net = slim.dropout(net, 0.5, is_training=is_training, scope='dropout3')
        logits = slim.fully_connected(net, num_classes, activation_fn=None, scope='fc4')
    return logits


def main(_):
    if not FLAGS.dataset_dir:
        raise ValueError('You must supply the dataset directory with --dataset_dir')
    tf.logging.set_verbosity(tf.logging.INFO)
    with tf.Graph().as_default():
        dataset = dataset_factory.get_dataset('flowers', 'train', FLAGS.dataset_dir)
        provider = slim.dataset_data_provider.DatasetDataProvider(dataset, num_readers=4)
        image, label = provider.get(['image', 'label'])
        preprocess = preprocessing_factory.get_preprocessing('cifarnet', is_training=True)
        image = preprocess(image, 64, 64)
        images, labels = tf.train.batch([image, label], batch_size=FLAGS.batch_size, num_threads=4)
        labels = slim.one_hot_encoding(labels, dataset.num_classes)

        logits = simple_net(images, dataset.num_classes, is_training=True)
        total_loss = tf.losses.softmax_cross_entropy(onehot_labels=labels, logits=logits)
        tf.summary.scalar('losses/total_loss', total_loss)

        global_step = slim.create_global_step()
        optimizer = tf.train.MomentumOptimizer(FLAGS.learning_rate, momentum=FLAGS.momentum)
        train_op = slim.learning.create_train_op(total_loss, optimizer, global_step=global_step)
        slim.learning.train(train_op, logdir=FLAGS.train_dir, number_of_steps=FLAGS.max_number_of_steps)


if __name__ == '__main__':
    tf.app.run()
