# Idiom seen in: DetectionTeamUCAS/FPN_Tensorflow tools/train.py
# What it reproduces: slim.arg_scope(weights_regularizer=l2_regularizer(cfgs.WEIGHT_DECAY)) around the
#   network, then tf.add_n(slim.losses.get_regularization_losses()) added to total_loss, whose gradients
#   are computed and applied: the decay is trained (clean).
import os
import time
import numpy as np
import tensorflow as tf
import tf_slim as slim

import cfgs
import build_whole_network
from read_tfrecord import next_batch


def train():
    faster_rcnn = build_whole_network.DetectionNetwork(base_network_name=cfgs.NET_NAME, is_training=True)

    with tf.name_scope('get_batch'):
        img_name_batch, img_batch, gtboxes_and_label_batch, num_objects_batch = \
            next_batch(dataset_name=cfgs.DATASET_NAME, batch_size=cfgs.BATCH_SIZE,
                       shortside_len=cfgs.IMG_SHORT_SIDE_LEN, is_training=True)
        gtboxes_and_label = tf.reshape(gtboxes_and_label_batch, [-1, 5])

    biases_regularizer = tf.no_regularizer
    weights_regularizer = tf.contrib.layers.l2_regularizer(cfgs.WEIGHT_DECAY)

    with slim.arg_scope([slim.conv2d, slim.conv2d_transpose, slim.separable_conv2d, slim.fully_connected],
                        weights_regularizer=weights_regularizer,
                        biases_regularizer=biases_regularizer,
                        biases_initializer=tf.constant_initializer(0.0)):
        final_bbox, final_scores, final_category, loss_dict = faster_rcnn.build_whole_detection_network(
            input_img_batch=img_batch, gtboxes_batch=gtboxes_and_label)

    weight_decay_loss = tf.add_n(slim.losses.get_regularization_losses())
    rpn_total_loss = loss_dict['rpn_loc_loss'] + loss_dict['rpn_cls_loss']
    fastrcnn_total_loss = loss_dict['fastrcnn_cls_loss'] + loss_dict['fastrcnn_loc_loss']
    total_loss = rpn_total_loss + fastrcnn_total_loss + weight_decay_loss

    tf.summary.scalar('LOSS/total_loss', total_loss)
    tf.summary.scalar('LOSS/regular_weights', weight_decay_loss)

    global_step = slim.get_or_create_global_step()
    lr = tf.compat.v1.train.piecewise_constant(global_step,
                                               boundaries=[np.int64(cfgs.DECAY_STEP[0]), np.int64(cfgs.DECAY_STEP[1])],
                                               values=[cfgs.LR, cfgs.LR / 10., cfgs.LR / 100.])
    optimizer = tf.compat.v1.train.MomentumOptimizer(lr, momentum=cfgs.MOMENTUM)

    gradients = faster_rcnn.get_gradients(optimizer, total_loss)
    if cfgs.MUTILPY_BIAS_GRADIENT:
        gradients = faster_rcnn.enlarge_gradients_for_bias(gradients)
    if cfgs.GRADIENT_CLIPPING_BY_NORM:
        gradients = slim.learning.clip_gradient_norms(gradients, cfgs.GRADIENT_CLIPPING_BY_NORM)

    train_op = optimizer.apply_gradients(grads_and_vars=gradients, global_step=global_step)
    summary_op = tf.compat.v1.summary.merge_all()
    init_op = tf.group(tf.compat.v1.global_variables_initializer(), tf.compat.v1.local_variables_initializer())
    saver = tf.compat.v1.train.Saver(max_to_keep=30)

    with tf.compat.v1.Session() as sess:
        sess.run(init_op)
        coord = tf.train.Coordinator()
        threads = tf.compat.v1.train.start_queue_runners(sess, coord)
        summary_writer = tf.compat.v1.summary.FileWriter(os.path.join(cfgs.SUMMARY_PATH, cfgs.VERSION), graph=sess.graph)
        for step in range(cfgs.MAX_ITERATION):
            if step % cfgs.SMRY_ITER == 0:
                _, global_stepnp, summary_str = sess.run([train_op, global_step, summary_op])
                summary_writer.add_summary(summary_str, global_stepnp)
            else:
                start = time.time()
                _, global_stepnp, totalLoss = sess.run([train_op, global_step, total_loss])
                if step % cfgs.SHOW_TRAIN_INFO_INTE == 0:
                    print('step %d total_loss %.4f (%.3fs)' % (global_stepnp, totalLoss, time.time() - start))
            if step > 0 and step % cfgs.SAVE_WEIGHTS_INTE == 0:
                saver.save(sess, os.path.join(cfgs.TRAINED_CKPT, cfgs.VERSION, 'voc_%dmodel.ckpt' % global_stepnp))
        coord.request_stop()
        coord.join(threads)


if __name__ == '__main__':
    train()
