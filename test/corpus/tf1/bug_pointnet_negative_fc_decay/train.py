# Idiom seen in: charlesq34/pointnet train.py
# Idiom seen in: charlesq34/pointnet models/pointnet_cls.py
# What it reproduces: the argparse training driver: the loss from MODEL.get_loss (which now includes
# the weight-decay collection) is minimized with Adam, so the negative FC decay is actually applied.
import argparse
import importlib

import numpy as np
import tensorflow as tf

import provider

parser = argparse.ArgumentParser()
parser.add_argument('--model', default='pointnet_cls', help='Model name [default: pointnet_cls]')
parser.add_argument('--num_point', type=int, default=1024, help='Point Number [default: 1024]')
parser.add_argument('--max_epoch', type=int, default=250, help='Epoch to run [default: 250]')
parser.add_argument('--batch_size', type=int, default=32, help='Batch Size [default: 32]')
parser.add_argument('--learning_rate', type=float, default=0.001, help='Initial learning rate')
FLAGS = parser.parse_args()

MODEL = importlib.import_module(FLAGS.model)
TRAIN_FILES = provider.getDataFiles('data/modelnet40_ply_hdf5_2048/train_files.txt')


def train():
    with tf.Graph().as_default():
        pointclouds_pl, labels_pl = MODEL.placeholder_inputs(FLAGS.batch_size, FLAGS.num_point)
        is_training_pl = tf.placeholder(tf.bool, shape=())
        batch = tf.Variable(0, trainable=False)

        pred, end_points = MODEL.get_model(pointclouds_pl, is_training_pl, bn_decay=0.9)
        loss = MODEL.get_loss(pred, labels_pl, end_points)
        tf.summary.scalar('loss', loss)

        learning_rate = tf.train.exponential_decay(FLAGS.learning_rate, batch * FLAGS.batch_size,
                                                   200000, 0.7, staircase=True)
        optimizer = tf.train.AdamOptimizer(learning_rate)
        train_op = optimizer.minimize(loss, global_step=batch)

        sess = tf.Session()
        sess.run(tf.global_variables_initializer())
        for epoch in range(FLAGS.max_epoch):
            for fn in np.random.permutation(len(TRAIN_FILES)):
                data, label = provider.loadDataFile(TRAIN_FILES[fn])
                for start in range(0, data.shape[0] - FLAGS.batch_size + 1, FLAGS.batch_size):
                    end = start + FLAGS.batch_size
                    feed_dict = {pointclouds_pl: data[start:end, :FLAGS.num_point, :],
                                 labels_pl: np.squeeze(label[start:end]),
                                 is_training_pl: True}
                    _, loss_val = sess.run([train_op, loss], feed_dict=feed_dict)
            print('epoch %d, loss %f' % (epoch, loss_val))


if __name__ == "__main__":
    train()
