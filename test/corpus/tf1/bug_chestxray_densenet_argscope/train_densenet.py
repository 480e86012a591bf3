# Idiom seen in: chasewinds/ChestRayXNet muti_label_classification/code/train_densenet.py
# Idiom seen in: chasewinds/ChestRayXNet muti_label_classification/code/densenet_elu.py
# What it reproduces: NIH ChestX-ray14 multi-label training: the model is built inside
# slim.arg_scope(densenet_arg_scope()) (conv weights regularized), but the minimized loss is only the
# mean sigmoid cross entropy; FLAGS.weight_decay is defined and never used.
import os
import time

import tensorflow as tf
from tensorflow.python.platform import tf_logging as logging

from data_prepare import get_split, load_batch
from densenet_elu import densenet121, densenet_arg_scope
from custlearningrate import CustLearningRate

slim = tf.contrib.slim

flags = tf.app.flags
flags.DEFINE_string('tfrecord_dir', None, 'String, the directory of the tfrecord set')
flags.DEFINE_string('tfrecord_prefix', None, 'String, prefix used to parse your tfrecord files')
flags.DEFINE_string('log_dir', None, 'String, directory for the training log')
flags.DEFINE_string('checkpoint_file', None, 'String, the checkpoint to fine-tune from')
flags.DEFINE_integer('num_classes', 14, 'Int, number of classes')
flags.DEFINE_integer('num_epoch', 100, 'Int, number of epochs')
flags.DEFINE_integer('batch_size', 16, 'Int, images in a mini batch')
flags.DEFINE_float('weight_decay', 1e-4, 'Float, the weight decay of l2 regular')
FLAGS = flags.FLAGS


def run():
    image_size = 224
    if not os.path.exists(FLAGS.log_dir):
        os.mkdir(FLAGS.log_dir)
    with tf.Graph().as_default():
        tf.logging.set_verbosity(tf.logging.INFO)
        file_pattern = FLAGS.tfrecord_prefix + '_%s_*.tfrecord'
        dataset = get_split('train', FLAGS.tfrecord_dir, FLAGS.num_classes, file_pattern,
                            FLAGS.tfrecord_prefix)
        images, _, labels = load_batch(dataset, FLAGS.batch_size, FLAGS.num_classes,
                                       height=image_size, width=image_size, is_training=True)
        num_batches_per_epoch = (dataset.num_samples - 1) // FLAGS.batch_size + 1

        with slim.arg_scope(densenet_arg_scope()):
            logits, _ = densenet121(images, fc_dropout_rate=0.5, num_classes=FLAGS.num_classes,
                                    is_training=True)
        exclude = ['densenet121/Logits', 'densenet121/final_block']
        variables_to_restore = slim.get_variables_to_restore(exclude=exclude)

        probabilities = tf.sigmoid(logits)
        loss = tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits)
        loss = tf.reduce_mean(loss)

        global_step = tf.train.get_or_create_global_step()
        epochs_lr = [[20, 0.001], [20, 0.0006], [20, 0.0001], [20, 0.00001]]
        lr = CustLearningRate.IntervalLearningRate(epochs_lr=epochs_lr, global_step=global_step,
                                                   steps_per_epoch=num_batches_per_epoch)
        optimizer = tf.train.AdamOptimizer(learning_rate=lr, beta1=0.9, beta2=0.999, epsilon=1e-8)
        train_op = slim.learning.create_train_op(loss, optimizer)

        accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.cast(probabilities >= 0.5, tf.float32), labels),
                                          tf.float32))
        tf.summary.scalar('losses/Total_Loss', loss)
        tf.summary.scalar('accuracy', accuracy)

        saver = tf.train.Saver(variables_to_restore)

        def restore_fn(sess):
            return saver.restore(sess, FLAGS.checkpoint_file)

        sv = tf.train.Supervisor(logdir=FLAGS.log_dir, summary_op=None, init_fn=restore_fn)
        with sv.managed_session() as sess:
            for step in range(num_batches_per_epoch * FLAGS.num_epoch):
                start_time = time.time()
                total_loss, step_count, acc = sess.run([train_op, global_step, accuracy])
                logging.info('global step %s: loss: %.4f, accuracy: %.3f (%.2f sec/step)',
                             step_count, total_loss, acc, time.time() - start_time)
            sv.saver.save(sess, sv.save_path, global_step=sv.global_step)


if __name__ == '__main__':
    run()
