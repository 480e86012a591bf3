# Idiom seen in: dgurkaynak/tensorflow-cnn-finetune resnet/model.py
# Idiom seen in: dgurkaynak/tensorflow-cnn-finetune resnet/finetune.py
# What it reproduces: _get_variable() builds an l2_regularizer only under "if weight_decay > 0:" and the loss
# sums REGULARIZATION_LOSSES, but every call passes 0.0 (both decay constants are zeroed): the decay is dead.
import datetime
import os
import sys

import tensorflow as tf

from model import ResNetModel
sys.path.insert(0, '../utils')
from preprocessor import BatchPreprocessor

tf.app.flags.DEFINE_float('learning_rate', 0.0001, 'Learning rate for adam optimizer')
tf.app.flags.DEFINE_integer('resnet_depth', 50, 'ResNet architecture to be used: 50, 101 or 152')
tf.app.flags.DEFINE_integer('num_epochs', 10, 'Number of epochs for training')
tf.app.flags.DEFINE_integer('num_classes', 26, 'Number of classes')
tf.app.flags.DEFINE_integer('batch_size', 128, 'Batch size')
tf.app.flags.DEFINE_string('train_layers', 'fc', 'Finetuning layers, seperated by commas')
tf.app.flags.DEFINE_string('training_file', '../data/train.txt', 'Training dataset file')
FLAGS = tf.app.flags.FLAGS


def main(_):
    x = tf.placeholder(tf.float32, [FLAGS.batch_size, 224, 224, 3])
    y = tf.placeholder(tf.float32, [None, FLAGS.num_classes])
    is_training = tf.placeholder('bool', [])

    model = ResNetModel(is_training, depth=FLAGS.resnet_depth, num_classes=FLAGS.num_classes)
    loss = model.loss(x, y)
    train_op = model.optimize(FLAGS.learning_rate, FLAGS.train_layers.split(','))
    tf.summary.scalar('train_loss', loss)

    train_preprocessor = BatchPreprocessor(dataset_file_path=FLAGS.training_file, num_classes=FLAGS.num_classes,
                                           output_size=[224, 224], horizontal_flip=True, shuffle=True)
    train_batches_per_epoch = train_preprocessor.num_batches(FLAGS.batch_size)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for epoch in range(FLAGS.num_epochs):
            print('{} Epoch number: {}'.format(datetime.datetime.now(), epoch + 1))
            for step in range(train_batches_per_epoch):
                batch_xs, batch_ys = train_preprocessor.next_batch(FLAGS.batch_size)
                sess.run(train_op, feed_dict={x: batch_xs, y: batch_ys, is_training: True})
            train_preprocessor.reset_pointer()


if __name__ == '__main__':
    tf.app.run()
