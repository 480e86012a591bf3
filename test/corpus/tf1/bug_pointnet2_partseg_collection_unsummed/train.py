# Idiom seen in: charlesq34/pointnet2 part_seg/train.py
# Idiom seen in: charlesq34/pointnet2 models/pointnet2_part_seg.py
# What it reproduces: the optimizer minimizes the classification loss returned by get_loss; nothing
#   reads the 'losses' collection, so the weight decay terms of the head never train (WD101 in tf_util).
import argparse
import tensorflow as tf

import pointnet2_part_seg as MODEL
import part_dataset_all_normal

parser = argparse.ArgumentParser()
parser.add_argument('--gpu', type=int, default=0)
parser.add_argument('--num_point', type=int, default=2048)
parser.add_argument('--max_epoch', type=int, default=201)
parser.add_argument('--batch_size', type=int, default=32)
parser.add_argument('--learning_rate', type=float, default=0.001)
parser.add_argument('--momentum', type=float, default=0.9)
parser.add_argument('--optimizer', default='adam')
FLAGS = parser.parse_args()

BATCH_SIZE = FLAGS.batch_size
NUM_POINT = FLAGS.num_point


def get_learning_rate(batch):
    lr = tf.train.exponential_decay(FLAGS.learning_rate, batch * BATCH_SIZE, 200000, 0.7,
                                    staircase=True)
    return tf.maximum(lr, 0.00001)


def train():
    with tf.Graph().as_default():
        with tf.device('/gpu:' + str(FLAGS.gpu)):
            pointclouds_pl, labels_pl = MODEL.placeholder_inputs(BATCH_SIZE, NUM_POINT)
            is_training_pl = tf.placeholder(tf.bool, shape=())
            batch = tf.Variable(0)

            pred = MODEL.get_model(pointclouds_pl, is_training_pl, bn_decay=0.9)
            loss = MODEL.get_loss(pred, labels_pl)
            tf.summary.scalar('loss', loss)

            learning_rate = get_learning_rate(batch)
            if FLAGS.optimizer == 'momentum':
                optimizer = tf.train.MomentumOptimizer(learning_rate, momentum=FLAGS.momentum)
            elif FLAGS.optimizer == 'adam':
                optimizer = tf.train.AdamOptimizer(learning_rate)
            train_op = optimizer.minimize(loss, global_step=batch)

        sess = tf.Session(config=tf.ConfigProto(allow_soft_placement=True))
        sess.run(tf.global_variables_initializer())
        train_set = part_dataset_all_normal.PartNormalDataset(npoints=NUM_POINT, split='trainval')
        for epoch in range(FLAGS.max_epoch):
            for batch_data, batch_label in train_set.batches(BATCH_SIZE):
                _, loss_val = sess.run([train_op, loss],
                                       feed_dict={pointclouds_pl: batch_data,
                                                  labels_pl: batch_label,
                                                  is_training_pl: True})
            print('epoch %03d mean loss: %f' % (epoch, loss_val))


if __name__ == '__main__':
    train()
