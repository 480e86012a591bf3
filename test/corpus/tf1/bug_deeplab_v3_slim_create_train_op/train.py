# Idiom seen in: sthalles/deeplab_v3 resnet/resnet_utils.py
# Idiom seen in: sthalles/deeplab_v3 network.py
# Idiom seen in: sthalles/deeplab_v3 train.py
# What it reproduces: slim arg_scope gives every conv an L2 weights_regularizer, but train.py hands only the
# cross-entropy to slim.learning.create_train_op, which does not add REGULARIZATION_LOSSES: decay is dead.
import argparse
import os

import tensorflow as tf

import network
from preprocessing.read_data import tf_record_parser

slim = tf.contrib.slim

parser = argparse.ArgumentParser()
envarg = parser.add_argument_group('Training params')
envarg.add_argument('--batch_norm_epsilon', type=float, default=1e-5)
envarg.add_argument('--batch_norm_decay', type=float, default=0.9997)
envarg.add_argument('--number_of_classes', type=int, default=21)
envarg.add_argument('--l2_regularizer', type=float, default=0.0001, help='l2 regularizer parameter.')
envarg.add_argument('--starting_learning_rate', type=float, default=0.00001)
envarg.add_argument('--batch_size', type=int, default=8)
args = parser.parse_args()

training_dataset = tf.data.TFRecordDataset([os.path.join('./dataset/', 'train.tfrecords')])
training_dataset = training_dataset.map(tf_record_parser).repeat().shuffle(1000).batch(args.batch_size)
iterator = training_dataset.make_initializable_iterator()
batch_images, batch_labels = iterator.get_next()

class_labels = list(range(args.number_of_classes)) + [255]
is_training = tf.placeholder(tf.bool, shape=[])

logits = tf.cond(is_training,
                 true_fn=lambda: network.deeplab_v3(batch_images, args, is_training=True, reuse=False),
                 false_fn=lambda: network.deeplab_v3(batch_images, args, is_training=False, reuse=True))

cross_entropy, pred = network.model_loss(logits, batch_labels, class_labels)
tf.summary.scalar('cross_entropy', cross_entropy)

with tf.variable_scope('optimizer_vars'):
    global_step = tf.Variable(0, trainable=False)
    optimizer = tf.train.AdamOptimizer(learning_rate=args.starting_learning_rate)
    train_step = slim.learning.create_train_op(cross_entropy, optimizer, global_step=global_step)

merged_summary_op = tf.summary.merge_all()

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    sess.run(iterator.initializer)
    for step in range(100000):
        _, loss_np = sess.run([train_step, cross_entropy], feed_dict={is_training: True})
        if step % 100 == 0:
            print('step', step, 'loss', loss_np)
