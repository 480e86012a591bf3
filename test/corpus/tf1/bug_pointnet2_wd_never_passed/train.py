# Idiom seen in: charlesq34/pointnet2 train.py
# Idiom seen in: charlesq34/pointnet2 models/pointnet2_cls_ssg.py
# What it reproduces: the training script correctly minimizes tf.add_n(tf.get_collection('losses')),
#   but since no layer was given a weight_decay the sum holds no decay term (WD303 in tf_util.py).
import argparse
import numpy as np
import tensorflow as tf

import pointnet2_cls_ssg as MODEL
import modelnet_dataset

parser = argparse.ArgumentParser()
parser.add_argument('--batch_size', type=int, default=16)
parser.add_argument('--num_point', type=int, default=1024)
parser.add_argument('--max_epoch', type=int, default=251)
parser.add_argument('--learning_rate', type=float, default=0.001)
parser.add_argument('--momentum', type=float, default=0.9)
parser.add_argument('--optimizer', default='adam', help='adam or momentum')
parser.add_argument('--decay_step', type=int, default=200000)
parser.add_argument('--decay_rate', type=float, default=0.7)
FLAGS = parser.parse_args()

BATCH_SIZE = FLAGS.batch_size
NUM_POINT = FLAGS.num_point


def get_learning_rate(batch):
    learning_rate = tf.train.exponential_decay(FLAGS.learning_rate, batch * BATCH_SIZE,
                                               FLAGS.decay_step, FLAGS.decay_rate, staircase=True)
    return tf.maximum(learning_rate, 0.00001)


def get_bn_decay(batch):
    bn_momentum = tf.train.exponential_decay(0.5, batch * BATCH_SIZE, float(FLAGS.decay_step),
                                             0.5, staircase=True)
    return tf.minimum(0.99, 1 - bn_momentum)


def train():
    with tf.Graph().as_default():
        pointclouds_pl, labels_pl = MODEL.placeholder_inputs(BATCH_SIZE, NUM_POINT)
        is_training_pl = tf.placeholder(tf.bool, shape=())
        batch = tf.get_variable('batch', [], initializer=tf.constant_initializer(0), trainable=False)
        bn_decay = get_bn_decay(batch)

        pred = MODEL.get_model(pointclouds_pl, is_training_pl, bn_decay=bn_decay)
        MODEL.get_loss(pred, labels_pl)
        losses = tf.get_collection('losses')
        total_loss = tf.add_n(losses, name='total_loss')
        tf.summary.scalar('total_loss', total_loss)

        learning_rate = get_learning_rate(batch)
        if FLAGS.optimizer == 'momentum':
            optimizer = tf.train.MomentumOptimizer(learning_rate, momentum=FLAGS.momentum)
        else:
            optimizer = tf.train.AdamOptimizer(learning_rate)
        train_op = optimizer.minimize(total_loss, global_step=batch)

        sess = tf.Session()
        sess.run(tf.global_variables_initializer())
        dataset = modelnet_dataset.ModelNetDataset(npoints=NUM_POINT, split='train')
        for epoch in range(FLAGS.max_epoch):
            while dataset.has_next_batch():
                batch_data, batch_label = dataset.next_batch(augment=True)
                feed = {pointclouds_pl: batch_data, labels_pl: batch_label, is_training_pl: True}
                _, loss_val = sess.run([train_op, total_loss], feed_dict=feed)
            dataset.reset()
            print('epoch %d loss %f' % (epoch, loss_val))


if __name__ == "__main__":
    train()
