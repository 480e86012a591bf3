# Idiom seen in: biyaa/yolov2_tensorflow yolov2_train.py
# Idiom seen in: biyaa/yolov2_tensorflow nets/yolov2.py
# What it reproduces: the YOLOv2 training script builds the darknet with regularized slim convs (yolov2_net.py)
# but minimizes the hand-written region loss (coords + objectness + class) only: no
# tf.losses.get_regularization_loss() anywhere, so the weight decay of the net never acts.
import numpy as np
import tensorflow as tf

import config.yolov2_config as cfg
import utils.pascal_voc as voc
from utils.timer import Timer
import yolov2_net as yolo

voc.set_config(cfg)


def region_loss(net, delta_mask, truths_in_net):
    coords = net[..., :4]
    obj = tf.sigmoid(net[..., 4:5])
    classes = tf.nn.softmax(net[..., 5:])

    t_coords = truths_in_net[..., :4]
    d_coords = cfg.coord_scale * 0.5 * tf.square(t_coords - coords)
    d_noobj = cfg.noobject_scale * 0.5 * tf.square(obj)
    d_obj = cfg.object_scale * 0.5 * tf.square(1.0 - obj)
    d_cls = cfg.class_scale * 0.5 * tf.square(truths_in_net[..., 5:] - classes)

    d_coords = tf.where(delta_mask[..., 0:4], d_coords, tf.zeros_like(d_coords))
    d_scale = tf.where(delta_mask[..., 4:5], d_obj, d_noobj)
    d_cls = tf.where(delta_mask[..., 5:], d_cls, tf.zeros_like(d_cls))
    return tf.reduce_sum(tf.concat([d_coords, d_scale, d_cls], axis=4))


def train():
    images, labels = voc.get_next_batch()
    delta_mask = voc.delta_mask(labels)
    truths_in_net = voc.truths_in_net(labels)

    train_imgs = tf.placeholder(tf.float32, shape=images.shape)
    train_mask = tf.placeholder(tf.bool, shape=delta_mask.shape)
    train_truth = tf.placeholder(tf.float32, shape=truths_in_net.shape)
    global_step = tf.Variable(0, trainable=False, name='global_step')

    net = yolo.yolo_net(train_imgs)
    net = tf.reshape(net, [-1, cfg.cell_size, cfg.cell_size, 5, 85])
    t_loss = region_loss(net, train_mask, train_truth)
    train_op = tf.train.MomentumOptimizer(cfg.learning_rate, cfg.momentum).minimize(
        t_loss, global_step=global_step)

    saver = tf.train.Saver()
    timer = Timer()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        ckpt = tf.train.get_checkpoint_state('ckpt/')
        if ckpt and ckpt.model_checkpoint_path:
            saver.restore(sess, ckpt.model_checkpoint_path)
        for i in range(cfg.max_steps):
            timer.tic()
            feed = {train_imgs: images, train_mask: delta_mask, train_truth: truths_in_net}
            _, cost = sess.run([train_op, t_loss], feed_dict=feed)
            timer.toc()
            if i % 10 == 0:
                print('step:%s cost:%s (%.3fs/iter)' % (i, cost, timer.average_time))
            if i % 500 == 0:
                saver.save(sess, cfg.out_file, global_step=global_step)
            images, labels = voc.get_next_batch()
            delta_mask = voc.delta_mask(labels)
            truths_in_net = voc.truths_in_net(labels)


if __name__ == '__main__':
    train()
