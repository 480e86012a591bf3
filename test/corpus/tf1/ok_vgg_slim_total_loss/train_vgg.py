# Idiom seen in: EpiSci/SafeAI safeai/models/sample_model.py
# What it reproduces: tf.app.flags training script for the VGG-A of sample_model.py: the arg_scope carries the
#   l2 weights_regularizer, the data loss goes through tf.losses.softmax_cross_entropy and the train op is built
#   from tf.losses.get_total_loss() (data + regularization losses). Clean.
import tensorflow as tf

import sample_model
from cifar_input import distorted_inputs

slim = tf.contrib.slim

tf.app.flags.DEFINE_string('train_dir', '/tmp/vgg_a', 'Directory for checkpoints and summaries.')
tf.app.flags.DEFINE_string('data_dir', '/tmp/cifar10_data', 'Directory of the input data.')
tf.app.flags.DEFINE_integer('batch_size', 64, 'Batch size.')
tf.app.flags.DEFINE_float('weight_decay', 0.0005, 'L2 weight decay of the conv/fc weights.')
tf.app.flags.DEFINE_float('learning_rate', 0.01, 'Initial learning rate.')
tf.app.flags.DEFINE_integer('max_steps', 50000, 'Number of training steps.')
FLAGS = tf.app.flags.FLAGS


def main(_):
    with tf.Graph().as_default():
        images, labels = distorted_inputs(FLAGS.data_dir, FLAGS.batch_size)

        with slim.arg_scope(sample_model.sample_model_arg_scope(weight_decay=FLAGS.weight_decay)):
            logits, _ = sample_model.vgg_a(images, num_classes=10, is_training=True)

        one_hot_labels = tf.one_hot(labels, 10)
        tf.losses.softmax_cross_entropy(onehot_labels=one_hot_labels, logits=logits)
        total_loss = tf.losses.get_total_loss(add_regularization_losses=True)
        tf.summary.scalar('losses/total_loss', total_loss)

        global_step = tf.train.get_or_create_global_step()
        learning_rate = tf.train.exponential_decay(FLAGS.learning_rate, global_step, 10000, 0.1,
                                                   staircase=True)
        optimizer = tf.train.MomentumOptimizer(learning_rate, momentum=0.9)
        train_op = slim.learning.create_train_op(total_loss, optimizer, global_step=global_step)

        slim.learning.train(train_op, logdir=FLAGS.train_dir,
                            number_of_steps=FLAGS.max_steps,
                            save_summaries_secs=60, save_interval_secs=600)


if __name__ == '__main__':
    tf.app.run()
