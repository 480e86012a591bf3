# Idiom seen in: balancap/SSD-Tensorflow train_ssd_network.py
# Idiom seen in: balancap/SSD-Tensorflow nets/ssd_vgg_300.py
# What it reproduces: the repo trains through model_deploy, which adds the REGULARIZATION_LOSSES to the
#   clone losses. Realistic single-GPU rewrite: the total is tf.losses.get_losses() only (the LOSSES
#   collection), so the arg_scope's weights_regularizer terms never reach the minimized loss.
import tensorflow as tf

import ssd_vgg_300
from datasets import dataset_factory
from preprocessing import ssd_vgg_preprocessing

slim = tf.contrib.slim

tf.app.flags.DEFINE_string('train_dir', '/tmp/tfmodel/', 'Directory where checkpoints are written to.')
tf.app.flags.DEFINE_string('dataset_dir', None, 'The directory where the dataset files are stored.')
tf.app.flags.DEFINE_float('weight_decay', 0.00004, 'The weight decay on the model weights.')
tf.app.flags.DEFINE_float('learning_rate', 0.001, 'Initial learning rate.')
tf.app.flags.DEFINE_float('momentum', 0.9, 'The momentum for the MomentumOptimizer.')
tf.app.flags.DEFINE_float('negative_ratio', 3., 'Negative ratio in the loss function.')
tf.app.flags.DEFINE_float('match_threshold', 0.5, 'Matching threshold in the loss function.')
tf.app.flags.DEFINE_integer('batch_size', 32, 'The number of samples in each batch.')
tf.app.flags.DEFINE_integer('max_number_of_steps', None, 'The maximum number of training steps.')
FLAGS = tf.app.flags.FLAGS


def main(_):
    tf.logging.set_verbosity(tf.logging.DEBUG)
    with tf.Graph().as_default():
        global_step = tf.train.create_global_step()
        ssd_net = ssd_vgg_300.SSDNet()

        dataset = dataset_factory.get_dataset('pascalvoc_2012', 'train', FLAGS.dataset_dir)
        b_image, b_gclasses, b_glocalisations, b_gscores = ssd_vgg_preprocessing.batched_inputs(
            dataset, FLAGS.batch_size)

        arg_scope = ssd_net.arg_scope(weight_decay=FLAGS.weight_decay)
        with slim.arg_scope(arg_scope):
            predictions, localisations, logits, end_points = ssd_net.net(b_image, is_training=True)

        ssd_net.losses(logits, localisations, b_gclasses, b_glocalisations, b_gscores,
                       match_threshold=FLAGS.match_threshold, negative_ratio=FLAGS.negative_ratio)
        total_loss = tf.add_n(tf.losses.get_losses(), name='total_loss')
        tf.summary.scalar('total_loss', total_loss)

        learning_rate = tf.train.exponential_decay(FLAGS.learning_rate, global_step, 10000, 0.94,
                                                   staircase=True, name='exponential_decay_learning_rate')
        optimizer = tf.train.MomentumOptimizer(learning_rate, momentum=FLAGS.momentum, name='Momentum')
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            train_op = optimizer.minimize(total_loss, global_step=global_step)

        slim.learning.train(train_op, logdir=FLAGS.train_dir,
                            number_of_steps=FLAGS.max_number_of_steps,
                            save_summaries_secs=60, save_interval_secs=600)


if __name__ == '__main__':
    tf.app.run()
