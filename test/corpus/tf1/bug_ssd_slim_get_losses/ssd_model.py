# Idiom seen in: dsl2009/tf-dsl-obj-detect model.py
# Idiom seen in: dsl2009/tf-dsl-obj-detect train.py
# What it reproduces: an SSD/VGG body built under slim.arg_scope with weights_regularizer, but get_loss()
#   sums only tf.losses.get_losses() (the LOSSES collection, without REGULARIZATION_LOSSES), as the repo's
#   get_loss does; the L2 terms of every conv never reach the loss create_train_op minimizes.
import tensorflow as tf
from tensorflow.contrib import slim

import utils


def model(inputs, cfg, weight_decay=0.0005):
    with tf.variable_scope('vgg_16', values=[inputs]):
        with slim.arg_scope([slim.conv2d],
                            weights_regularizer=slim.l2_regularizer(weight_decay),  # expect: WD102
                            activation_fn=tf.nn.relu):
            net = slim.repeat(inputs, 2, slim.conv2d, 64, [3, 3], scope='conv1')
            net = slim.max_pool2d(net, [2, 2], scope='pool1')
            net = slim.repeat(net, 2, slim.conv2d, 128, [3, 3], scope='conv2')
            net = slim.max_pool2d(net, [2, 2], scope='pool2')
            cov_43 = slim.repeat(net, 3, slim.conv2d, 256, [3, 3], scope='conv3')
            vbs = slim.get_trainable_variables()
            cv7 = slim.conv2d(cov_43, 512, kernel_size=1, scope='conv7')
            cv8 = slim.conv2d(cv7, 256, kernel_size=3, stride=2, scope='conv8')
            loc, conf = [], []
            for cv, num in zip([cov_43, cv7, cv8], cfg.Config['aspect_num']):
                loc.append(slim.conv2d(cv, num * 4, kernel_size=3, activation_fn=None))
                conf.append(slim.conv2d(cv, num * cfg.Config['num_classes'], kernel_size=3,
                                        activation_fn=None))
    loc = tf.concat([tf.reshape(o, (cfg.batch_size, -1, 4)) for o in loc], axis=1)
    conf = tf.concat([tf.reshape(o, (cfg.batch_size, -1, cfg.Config['num_classes'])) for o in conf], axis=1)
    return loc, conf, vbs


def get_loss(conf_t, loc_t, pred_loc, pred_confs, cfg):
    conf_t = tf.reshape(conf_t, (-1,))
    loc_t = tf.reshape(loc_t, (-1, 4))
    positive_ix = tf.where(conf_t > 0)[:, 0]
    pred_bbox = tf.gather(tf.reshape(pred_loc, (-1, 4)), positive_ix)
    target_bbox = tf.gather(loc_t, positive_ix)
    loss_l = tf.reduce_sum(utils.smooth_l1_loss(target_bbox, pred_bbox))
    logits = tf.reshape(pred_confs, (-1, cfg.Config['num_classes']))
    loss_c = tf.reduce_sum(tf.nn.sparse_softmax_cross_entropy_with_logits(
        labels=tf.cast(conf_t, tf.int32), logits=logits))
    num = tf.maximum(tf.cast(tf.size(positive_ix), tf.float32), 1.0)

    tf.losses.add_loss(loss_c / num)
    tf.losses.add_loss(loss_l / num)
    total_loss = tf.add_n(tf.losses.get_losses(), name='ss')
    tf.summary.scalar('class_loss', loss_c / num)
    tf.summary.scalar('loc_loss', loss_l / num)
    return total_loss, tf.summary.merge_all()
