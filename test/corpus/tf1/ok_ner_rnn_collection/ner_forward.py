# Idiom seen in: baiyang2464/AI dl/nn/cnn/ner/ner_forward.py
# Idiom seen in: baiyang2464/AI dl/nn/cnn/ner/ner_backward.py
# What it reproduces: forward/backward course layout; get_weight() adds an l2_regularizer term of the
#   output projection to the 'losses' collection and the backward script minimizes cem + add_n(losses). Clean.
# coding:utf-8
import tensorflow as tf

INPUT_NODE = 100
OUTPUT_NODE = 7
HIDDEN_SIZE = 50


def get_weight(shape, regularizer=None):
    w = tf.Variable(tf.truncated_normal(shape, stddev=0.1))
    if regularizer != None:
        tf.add_to_collection('losses', tf.contrib.layers.l2_regularizer(regularizer)(w))
    return w


def get_bias(shape):
    return tf.Variable(tf.zeros(shape))


def forward(x, is_train=True, regularizer=None):
    seq_len = 100 if is_train else 600
    w_xh = get_weight([INPUT_NODE, HIDDEN_SIZE])
    b_xh = get_bias([HIDDEN_SIZE])
    w_hh = get_weight([HIDDEN_SIZE, HIDDEN_SIZE])
    b_hh = get_bias([HIDDEN_SIZE])
    w_ho = get_weight([HIDDEN_SIZE, OUTPUT_NODE], regularizer=regularizer)
    b_ho = get_bias([OUTPUT_NODE])

    h = tf.zeros([tf.shape(x)[0], HIDDEN_SIZE])
    outputs = []
    steps = tf.unstack(tf.transpose(x, [1, 0, 2]), num=seq_len)
    with tf.variable_scope("SimpleRNN"):
        for step in steps:
            h = tf.tanh(tf.matmul(step, w_xh) + b_xh + tf.matmul(h, w_hh) + b_hh)
            outputs.append(h)
    y = tf.matmul(tf.reshape(tf.stack(outputs, axis=1), [-1, HIDDEN_SIZE]), w_ho) + b_ho
    return tf.reshape(y, [-1, seq_len, OUTPUT_NODE])
