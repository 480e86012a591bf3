# Idiom seen in: kwotsin/transfer_learning_tutorial inception_resnet_v2.py
# Idiom seen in: kwotsin/transfer_learning_tutorial train_flowers.py
# What it reproduces: the arg_scope gives slim layers an L2 weights_regularizer; the training script takes
# tf.losses.get_total_loss() (cross-entropy + REGULARIZATION_LOSSES) into create_train_op (clean).
import os
import time

import tensorflow as tf
from tensorflow.contrib.framework.python.ops.variables import get_or_create_global_step

import inception_preprocessing
from inception_resnet_v2 import inception_resnet_v2, inception_resnet_v2_arg_scope
from dataset_utils import get_split, load_batch

slim = tf.contrib.slim

dataset_dir = '.'
log_dir = './log'
checkpoint_file = './inception_resnet_v2_2016_08_30.ckpt'
image_size = 299
num_classes = 5
num_epochs = 70
batch_size = 8
initial_learning_rate = 0.0002
learning_rate_decay_factor = 0.7
num_epochs_before_decay = 2


def run():
    if not os.path.exists(log_dir):
        os.mkdir(log_dir)
    with tf.Graph().as_default() as graph:
        tf.logging.set_verbosity(tf.logging.INFO)
        dataset = get_split('train', dataset_dir, file_pattern='flowers_%s_*.tfrecord')
        images, _, labels = load_batch(dataset, batch_size=batch_size)
        num_batches_per_epoch = int(dataset.num_samples / batch_size)
        decay_steps = int(num_epochs_before_decay * num_batches_per_epoch)

        with slim.arg_scope(inception_resnet_v2_arg_scope()):
            logits, end_points = inception_resnet_v2(images, num_classes=dataset.num_classes, is_training=True)

        exclude = ['InceptionResnetV2/Logits', 'InceptionResnetV2/AuxLogits']
        variables_to_restore = slim.get_variables_to_restore(exclude=exclude)

        one_hot_labels = slim.one_hot_encoding(labels, dataset.num_classes)
        loss = tf.losses.softmax_cross_entropy(onehot_labels=one_hot_labels, logits=logits)
        total_loss = tf.losses.get_total_loss()

        global_step = get_or_create_global_step()
        lr = tf.train.exponential_decay(learning_rate=initial_learning_rate, global_step=global_step,
                                        decay_steps=decay_steps, decay_rate=learning_rate_decay_factor,
                                        staircase=True)
        optimizer = tf.train.AdamOptimizer(learning_rate=lr)
        train_op = slim.learning.create_train_op(total_loss, optimizer)

        tf.summary.scalar('losses/Total_Loss', total_loss)
        tf.summary.scalar('learning_rate', lr)
        my_summary_op = tf.summary.merge_all()

        saver = tf.train.Saver(variables_to_restore)

        def restore_fn(sess):
            return saver.restore(sess, checkpoint_file)

        sv = tf.train.Supervisor(logdir=log_dir, summary_op=None, init_fn=restore_fn)
        with sv.managed_session() as sess:
            for step in range(num_batches_per_epoch * num_epochs):
                start_time = time.time()
                total_loss_value, global_step_count = sess.run([train_op, sv.global_step])
                if step % 10 == 0:
                    logging_info = 'global step %s: loss: %.4f (%.2f sec/step)'
                    tf.logging.info(logging_info, global_step_count, total_loss_value, time.time() - start_time)


if __name__ == '__main__':
    run()
