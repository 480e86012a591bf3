# Idiom seen in: AITTSMD/MTCNN-Tensorflow train_models/train.py
# What it reproduces: the network returns (cls, bbox, landmark, L2, acc); total_loss_op is built from
#   the three task losses only, so the L2 sum is printed every `display` steps but never minimized.
import os
from datetime import datetime

import numpy as np
import tensorflow as tf

from MTCNN_config import config
from read_tfrecord_v2 import read_single_tfrecord


def train_model(base_lr, loss, data_num):
    lr_factor = 0.1
    global_step = tf.Variable(0, trainable=False)
    boundaries = [int(epoch * data_num / config.BATCH_SIZE) for epoch in config.LR_EPOCH]
    lr_values = [base_lr * (lr_factor ** x) for x in range(0, len(config.LR_EPOCH) + 1)]
    lr_op = tf.compat.v1.train.piecewise_constant(global_step, boundaries, lr_values)
    optimizer = tf.compat.v1.train.MomentumOptimizer(lr_op, 0.9)
    train_op = optimizer.minimize(loss, global_step)
    return train_op, lr_op


def train(net_factory, prefix, end_epoch, base_dir, display=200, base_lr=0.01):
    net = prefix.split('/')[-1]
    label_file = os.path.join(base_dir, 'train_%s_landmark.txt' % net)
    with open(label_file, 'r') as f:
        num = len(f.readlines())

    dataset_dir = os.path.join(base_dir, 'train_%s_landmark.tfrecord_shuffle' % net)
    image_batch, label_batch, bbox_batch, landmark_batch = read_single_tfrecord(dataset_dir, config.BATCH_SIZE, net)

    image_size = 12
    radio_cls_loss = 1.0
    radio_bbox_loss = 0.5
    radio_landmark_loss = 0.5

    input_image = tf.compat.v1.placeholder(tf.float32, shape=[config.BATCH_SIZE, image_size, image_size, 3],
                                           name='input_image')
    label = tf.compat.v1.placeholder(tf.float32, shape=[config.BATCH_SIZE], name='label')
    bbox_target = tf.compat.v1.placeholder(tf.float32, shape=[config.BATCH_SIZE, 4], name='bbox_target')
    landmark_target = tf.compat.v1.placeholder(tf.float32, shape=[config.BATCH_SIZE, 10], name='landmark_target')

    cls_loss_op, bbox_loss_op, landmark_loss_op, L2_loss_op, accuracy_op = net_factory(
        input_image, label, bbox_target, landmark_target, training=True)
    total_loss_op = radio_cls_loss * cls_loss_op + radio_bbox_loss * bbox_loss_op + radio_landmark_loss * landmark_loss_op
    train_op, lr_op = train_model(base_lr, total_loss_op, num)

    sess = tf.compat.v1.Session()
    saver = tf.compat.v1.train.Saver(max_to_keep=0)
    sess.run(tf.compat.v1.global_variables_initializer())
    tf.compat.v1.summary.scalar("cls_loss", cls_loss_op)
    tf.compat.v1.summary.scalar("bbox_loss", bbox_loss_op)
    tf.compat.v1.summary.scalar("total_loss", total_loss_op)
    summary_op = tf.compat.v1.summary.merge_all()
    writer = tf.compat.v1.summary.FileWriter("../logs/%s" % net, sess.graph)
    coord = tf.train.Coordinator()
    threads = tf.compat.v1.train.start_queue_runners(sess=sess, coord=coord)

    MAX_STEP = int(num / config.BATCH_SIZE + 1) * end_epoch
    try:
        for step in range(MAX_STEP):
            if coord.should_stop():
                break
            image_batch_array, label_batch_array, bbox_batch_array, landmark_batch_array = sess.run(
                [image_batch, label_batch, bbox_batch, landmark_batch])
            feed = {input_image: image_batch_array, label: label_batch_array,
                    bbox_target: bbox_batch_array, landmark_target: landmark_batch_array}
            _, _, summary = sess.run([train_op, lr_op, summary_op], feed_dict=feed)
            if (step + 1) % display == 0:
                cls_loss, bbox_loss, landmark_loss, L2_loss, lr, acc = sess.run(
                    [cls_loss_op, bbox_loss_op, landmark_loss_op, L2_loss_op, lr_op, accuracy_op], feed_dict=feed)
                print("%s : Step: %d, accuracy: %3f, cls loss: %4f, bbox loss: %4f, L2 loss: %4f, lr:%f" % (
                    datetime.now(), step + 1, acc, cls_loss, bbox_loss, L2_loss, lr))
            writer.add_summary(summary, global_step=step)
        saver.save(sess, prefix, global_step=end_epoch)
    except tf.errors.OutOfRangeError:
        print("done")
    finally:
        coord.request_stop()
        writer.close()
    coord.join(threads)
    sess.close()
