# Idiom seen in: wzzheng/HDML lib/nn_Ops.py
# Idiom seen in: wzzheng/HDML main_npair.py
# What it reproduces: weight_variable() puts wd * l2_loss(W) into a "weight_losses" collection, but the
# training script minimizes only the N-pair metric loss; nothing ever sums that collection.
import argparse

import numpy as np
import tensorflow as tf

import nn_Ops
from datasets import data_provider
from lib import GoogleNet_Model

parser = argparse.ArgumentParser()
parser.add_argument('--embedding_size', type=int, default=128)
parser.add_argument('--batch_size', type=int, default=128)
parser.add_argument('--init_learning_rate', type=float, default=7e-5)
parser.add_argument('--max_steps', type=int, default=8000)
FLAGS = parser.parse_args()


def main():
    stream_train, _, _ = data_provider.get_streams(FLAGS.batch_size, 'cub200_2011', 'n_pairs_mc')
    image_mean = np.array([123., 117., 104.], dtype=np.float32)

    x_raw = tf.placeholder(tf.float32, shape=[None, 227, 227, 3])
    label_raw = tf.placeholder(tf.int32, shape=[None, 1])
    is_Training = tf.placeholder(tf.bool)
    lr = tf.placeholder(tf.float32)

    with tf.variable_scope('Classifier'):
        google_net_model = GoogleNet_Model.GoogleNet_Model()
        embedding = google_net_model.forward(x_raw)
        embedding = nn_Ops.bn_block(embedding, normal=True, is_Training=is_Training, name='BN1')
        embedding_y_origin = nn_Ops.fc_block(embedding, in_d=1024, out_d=FLAGS.embedding_size,
                                             name='fc1', is_bn=False, is_relu=False, is_Training=is_Training)

    anchor, positive = tf.split(embedding_y_origin, 2, axis=0)
    labels = tf.reshape(tf.split(label_raw, 2, axis=0)[0], [-1])
    J_m = tf.contrib.losses.metric_learning.npairs_loss(labels, anchor, positive, reg_lambda=0.002)

    c_train_step = nn_Ops.training(loss=J_m, lr=lr, var_scope='Classifier')

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        step = 0
        for batch in stream_train.get_epoch_iterator():
            x_batch, label_batch = nn_Ops.batch_data(batch, image_mean)
            _, loss_val = sess.run([c_train_step, J_m],
                                   feed_dict={x_raw: x_batch, label_raw: label_batch,
                                              is_Training: True, lr: FLAGS.init_learning_rate})
            step += 1
            if step >= FLAGS.max_steps:
                break


if __name__ == '__main__':
    main()
