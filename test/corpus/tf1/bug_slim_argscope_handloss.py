# Idiom seen in: goodgodgd/TF-CNN-Optimize train_image_classifier.py
# What it reproduces: a trimmed TF-slim classifier script (tf.app.flags) building its net in a function called under
# slim.arg_scope(weights_regularizer=slim.l2_regularizer(FLAGS.weight_decay)); injected: the softmax loss is hand-written
# and minimized directly (no tf.losses.get_regularization_losses()), so the arg_scope regularizer never reaches it.
import tensorflow as tf

from datasets import dataset_factory

slim = tf.contrib.slim

tf.app.flags.DEFINE_string('dataset_dir', None, 'directory of the TFRecord files')
tf.app.flags.DEFINE_string('train_dir', '/tmp/tfmodel/', 'checkpoint directory')
tf.app.flags.DEFINE_integer('batch_size', 32, 'batch size')
tf.app.flags.DEFINE_float('weight_decay', 0.00004, 'weight decay on the model weights')
tf.app.flags.DEFINE_float('learning_rate', 0.01, 'initial learning rate')
tf.app.flags.DEFINE_float('momentum', 0.9, 'momentum of the MomentumOptimizer')
tf.app.flags.DEFINE_integer('max_number_of_steps', 100000, 'training steps')
FLAGS = tf.app.flags.FLAGS


def small_cnn(images, num_classes, is_training):
    net = slim.conv2d(images, 32, [3, 3], scope='conv1')
    net = slim.max_pool2d(net, [2, 2], scope='pool1')
    net = slim.conv2d(net, 64, [3, 3], scope='conv2')
    net = slim.max_pool2d(net, [2, 2], scope='pool2')
    net = slim.flatten(net)
    net = slim.fully_connected(net, 256, scope='fc3')
    net = slim.dropout(net, 0.5, is_training=is_training, scope='dropout3')
    return slim.fully_connected(net, num_classes, activation_fn=None, scope='logits')


def main(_):
    if not FLAGS.dataset_dir:
        raise ValueError('You must supply the dataset directory with --dataset_dir')
    tf.logging.set_verbosity(tf.logging.INFO)
    with tf.Graph().as_default():
        dataset = dataset_factory.get_dataset('cifar10', 'train', FLAGS.dataset_dir)
        images, labels = dataset_factory.batch_inputs(dataset, FLAGS.batch_size)
        global_step = tf.train.get_or_create_global_step()

        with slim.arg_scope([slim.conv2d, slim.fully_connected],
                            weights_regularizer=slim.l2_regularizer(FLAGS.weight_decay),  # expect: WD102
                            weights_initializer=tf.truncated_normal_initializer(stddev=0.01)):
            logits = small_cnn(images, dataset.num_classes, is_training=True)

        one_hot = slim.one_hot_encoding(labels, dataset.num_classes)
        loss = tf.reduce_mean(
            tf.nn.softmax_cross_entropy_with_logits_v2(labels=one_hot, logits=logits))
        tf.summary.scalar('losses/cross_entropy', loss)

        optimizer = tf.train.MomentumOptimizer(FLAGS.learning_rate, FLAGS.momentum)
        train_op = optimizer.minimize(loss, global_step=global_step)

        slim.learning.train(train_op, logdir=FLAGS.train_dir,
                            number_of_steps=FLAGS.max_number_of_steps,
                            save_summaries_secs=60, save_interval_secs=600)


if __name__ == '__main__':
    tf.app.run()
