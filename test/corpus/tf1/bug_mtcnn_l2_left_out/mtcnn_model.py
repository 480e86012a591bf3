# Idiom seen in: AITTSMD/MTCNN-Tensorflow train_models/mtcnn_model.py
# What it reproduces: P_Net's slim.arg_scope puts l2_regularizer(0.0005) on every conv and returns
#   L2_loss = tf.add_n(slim.losses.get_regularization_losses()) beside the task losses; in this
#   variant train.py leaves L2_loss out of the total it minimizes (a user mistake; the repo adds it).
import tensorflow as tf
import tf_slim as slim

num_keep_radio = 0.7


def prelu(inputs):
    alphas = tf.compat.v1.get_variable("alphas", shape=inputs.get_shape()[-1], dtype=tf.float32,
                                       initializer=tf.constant_initializer(0.25))
    pos = tf.nn.relu(inputs)
    neg = alphas * (inputs - abs(inputs)) * 0.5
    return pos + neg


def cls_ohem(cls_prob, label):
    zeros = tf.zeros_like(label)
    label_filter_invalid = tf.where(tf.less(label, 0), zeros, label)
    num_cls_prob = tf.size(cls_prob)
    cls_prob_reshape = tf.reshape(cls_prob, [num_cls_prob, -1])
    label_int = tf.cast(label_filter_invalid, tf.int32)
    num_row = tf.cast(tf.shape(cls_prob)[0], tf.int32)
    indices_ = tf.range(num_row) * 2 + label_int
    label_prob = tf.squeeze(tf.gather(cls_prob_reshape, indices_))
    loss = -tf.math.log(label_prob + 1e-10)
    valid_inds = tf.where(label < tf.zeros_like(label_prob), tf.zeros_like(label_prob), tf.ones_like(label_prob))
    keep_num = tf.cast(tf.reduce_sum(valid_inds) * num_keep_radio, dtype=tf.int32)
    loss, _ = tf.nn.top_k(loss * valid_inds, k=keep_num)
    return tf.reduce_mean(loss)


def bbox_ohem(bbox_pred, bbox_target, label):
    valid_inds = tf.where(tf.equal(tf.abs(label), 1), tf.ones_like(label), tf.zeros_like(label))
    square_error = tf.reduce_sum(tf.square(bbox_pred - bbox_target), axis=1) * valid_inds
    _, k_index = tf.nn.top_k(square_error, k=tf.cast(tf.reduce_sum(valid_inds), tf.int32))
    return tf.reduce_mean(tf.gather(square_error, k_index))


def landmark_ohem(landmark_pred, landmark_target, label):
    valid_inds = tf.where(tf.equal(label, -2), tf.ones_like(label), tf.zeros_like(label))
    square_error = tf.reduce_sum(tf.square(landmark_pred - landmark_target), axis=1) * valid_inds
    _, k_index = tf.nn.top_k(square_error, k=tf.cast(tf.reduce_sum(valid_inds), tf.int32))
    return tf.reduce_mean(tf.gather(square_error, k_index))


def cal_accuracy(cls_prob, label):
    pred = tf.argmax(cls_prob, axis=1)
    label_int = tf.cast(label, tf.int64)
    picked = tf.squeeze(tf.where(tf.greater_equal(label_int, 0)))
    return tf.reduce_mean(tf.cast(tf.equal(tf.gather(label_int, picked), tf.gather(pred, picked)), tf.float32))


def P_Net(inputs, label=None, bbox_target=None, landmark_target=None, training=True):
    with slim.arg_scope([slim.conv2d],
                        activation_fn=prelu,
                        weights_initializer=slim.xavier_initializer(),
                        biases_initializer=tf.zeros_initializer(),
                        weights_regularizer=slim.l2_regularizer(0.0005),
                        padding='valid'):
        net = slim.conv2d(inputs, 10, 3, stride=1, scope='conv1')
        net = slim.max_pool2d(net, kernel_size=[2, 2], stride=2, scope='pool1', padding='SAME')
        net = slim.conv2d(net, num_outputs=16, kernel_size=[3, 3], stride=1, scope='conv2')
        net = slim.conv2d(net, num_outputs=32, kernel_size=[3, 3], stride=1, scope='conv3')
        conv4_1 = slim.conv2d(net, num_outputs=2, kernel_size=[1, 1], stride=1, scope='conv4_1',
                              activation_fn=tf.nn.softmax)
        bbox_pred = slim.conv2d(net, num_outputs=4, kernel_size=[1, 1], stride=1, scope='conv4_2', activation_fn=None)
        landmark_pred = slim.conv2d(net, num_outputs=10, kernel_size=[1, 1], stride=1, scope='conv4_3',
                                    activation_fn=None)
        if training:
            cls_prob = tf.squeeze(conv4_1, [1, 2], name='cls_prob')
            cls_loss = cls_ohem(cls_prob, label)
            bbox_pred = tf.squeeze(bbox_pred, [1, 2], name='bbox_pred')
            bbox_loss = bbox_ohem(bbox_pred, bbox_target, label)
            landmark_pred = tf.squeeze(landmark_pred, [1, 2], name="landmark_pred")
            landmark_loss = landmark_ohem(landmark_pred, landmark_target, label)
            accuracy = cal_accuracy(cls_prob, label)
            L2_loss = tf.add_n(slim.losses.get_regularization_losses())  # expect: WD105
            return cls_loss, bbox_loss, landmark_loss, L2_loss, accuracy
        else:
            cls_pro_test = tf.squeeze(conv4_1, axis=0)
            bbox_pred_test = tf.squeeze(bbox_pred, axis=0)
            landmark_pred_test = tf.squeeze(landmark_pred, axis=0)
            return cls_pro_test, bbox_pred_test, landmark_pred_test
