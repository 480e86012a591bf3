# Idiom seen in: yao-matrix/deepSpeech2 src/deepSpeech.py
# What it reproduces: DeepSpeech2 inference (conv over the spectrogram, stacked GRUs, softmax_linear) whose kernels all
# come from _variable_with_weight_decay(..., wd_value=None, ...); loss() puts the CTC loss in the 'losses' collection
# and returns tf.add_n(tf.get_collection('losses')), which holds no decay term.
import tensorflow as tf

import deepSpeech_input
import rnn_cell
from helper_routines import _variable_on_cpu
from helper_routines import _variable_with_weight_decay
from helper_routines import _activation_summary

NUM_CLASSES = deepSpeech_input.NUM_CLASSES


def inference(feats, seq_lens, params):
    feat_len = feats.get_shape().as_list()[-1]

    with tf.variable_scope('conv1') as scope:
        kernel = _variable_with_weight_decay('weights', shape=[11, feat_len, 1, params.num_filters],
                                             wd_value=None, use_fp16=params.use_fp16)
        feats = tf.expand_dims(feats, dim=-1)
        conv = tf.nn.conv2d(feats, kernel, [1, params.temporal_stride, 1, 1], padding='SAME')
        biases = _variable_on_cpu('biases', [params.num_filters], tf.constant_initializer(-0.05), params.use_fp16)
        conv1 = tf.nn.relu(tf.nn.bias_add(conv, biases), name=scope.name)
        _activation_summary(conv1)

    fdim = conv1.get_shape().dims
    rnn_input = tf.reshape(conv1, [params.batch_size, -1, fdim[2].value * fdim[3].value])

    with tf.variable_scope('rnn') as scope:
        cells = [rnn_cell.CustomRNNCell2(params.num_hidden, use_fp16=params.use_fp16)
                 for _ in range(params.num_rnn_layers)]
        multi_cell = tf.contrib.rnn.MultiRNNCell(cells)
        seq_lens = tf.div(seq_lens, params.temporal_stride)
        outputs, _ = tf.nn.bidirectional_dynamic_rnn(multi_cell, multi_cell, rnn_input,
                                                     sequence_length=seq_lens, dtype=tf.float32,
                                                     time_major=False, scope='rnn')
        rnn_outputs = tf.reshape(tf.concat(outputs, 2), [-1, 2 * params.num_hidden])

    with tf.variable_scope('softmax_linear') as scope:
        weights = _variable_with_weight_decay('weights', [2 * params.num_hidden, NUM_CLASSES],
                                              wd_value=None, use_fp16=params.use_fp16)
        biases = _variable_on_cpu('biases', [NUM_CLASSES], tf.constant_initializer(0.0), params.use_fp16)
        logit_inputs = tf.reshape(rnn_outputs, [-1, rnn_outputs.get_shape()[-1].value])
        logits = tf.add(tf.matmul(logit_inputs, weights), biases, name=scope.name)
        logits = tf.reshape(logits, [params.batch_size, -1, NUM_CLASSES])
        _activation_summary(logits)

    return logits


def loss(logits, labels, seq_lens):
    ctc_loss = tf.nn.ctc_loss(labels=labels, inputs=tf.cast(logits, tf.float32),
                              sequence_length=seq_lens, time_major=False)
    ctc_loss_mean = tf.reduce_mean(ctc_loss, name='ctc_loss')
    tf.add_to_collection('losses', ctc_loss_mean)
    return tf.add_n(tf.get_collection('losses'), name='total_loss')
