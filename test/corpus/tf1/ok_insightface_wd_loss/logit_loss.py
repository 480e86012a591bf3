# Idiom seen in: luckycallor/InsightFace-tensorflow model.py
# Idiom seen in: luckycallor/InsightFace-tensorflow losses/logit_loss.py
# Idiom seen in: luckycallor/InsightFace-tensorflow train_softmax.py
# What it reproduces: slim arg_scope and the arcface weight carry L2 regularizers; Trainer.build sums
# REGULARIZATION_LOSSES into wd_loss and minimizes inference_loss + wd_loss with momentum (clean).
import math

import tensorflow as tf


def arcface_logits(embds, labels, class_num, s, m, weight_decay):
    embds = tf.nn.l2_normalize(embds, axis=1, name='normed_embd')
    weights = tf.get_variable(name='classify_weight', shape=[embds.get_shape().as_list()[-1], class_num],
                              dtype=tf.float32, initializer=tf.contrib.layers.xavier_initializer(uniform=False),
                              regularizer=tf.contrib.layers.l2_regularizer(weight_decay), trainable=True)
    weights = tf.nn.l2_normalize(weights, axis=0)
    cos_m = math.cos(m)
    sin_m = math.sin(m)
    mm = sin_m * m
    threshold = math.cos(math.pi - m)
    cos_t = tf.matmul(embds, weights, name='cos_t')
    cos_t2 = tf.square(cos_t, name='cos_2')
    sin_t = tf.sqrt(1. - cos_t2, name='sin_t')
    cos_mt = s * tf.subtract(cos_t * cos_m, sin_t * sin_m, name='cos_mt')
    cond = tf.cast(tf.nn.relu(cos_t - threshold), dtype=tf.bool)
    cos_mt_temp = tf.where(cond, cos_mt, s * (cos_t - mm))
    mask = tf.one_hot(labels, depth=class_num, name='one_hot_mask')
    inv_mask = tf.subtract(1., mask)
    return tf.add(s * tf.multiply(cos_t, inv_mask), tf.multiply(cos_mt_temp, mask), name='arcface_logits')


def get_logits(embds, labels, config):
    return arcface_logits(embds, labels, config['class_num'], config['logits_scale'],
                          config['logits_margin'], config['weight_decay'])
