# Idiom seen in: openai/universe-starter-agent model.py
# What it reproduces: the LSTM actor-critic policy of universe-starter-agent (conv stack, LSTM, policy
#   logits and value head built from tf.get_variable helpers; var_list = the scope's trainable vars).
import numpy as np
import tensorflow as tf
import tensorflow.contrib.rnn as rnn


def normalized_columns_initializer(std=1.0):
    def _initializer(shape, dtype=None, partition_info=None):
        out = np.random.randn(*shape).astype(np.float32)
        out *= std / np.sqrt(np.square(out).sum(axis=0, keepdims=True))
        return tf.constant(out)
    return _initializer


def flatten(x):
    return tf.reshape(x, [-1, np.prod(x.get_shape().as_list()[1:])])


def conv2d(x, num_filters, name, filter_size=(3, 3), stride=(2, 2)):
    with tf.variable_scope(name):
        filter_shape = [filter_size[0], filter_size[1], int(x.get_shape()[3]), num_filters]
        w = tf.get_variable("W", filter_shape, tf.float32, tf.contrib.layers.xavier_initializer())
        b = tf.get_variable("b", [1, 1, 1, num_filters], initializer=tf.constant_initializer(0.0))
        return tf.nn.conv2d(x, w, [1, stride[0], stride[1], 1], "SAME") + b


def linear(x, size, name, initializer=None):
    w = tf.get_variable(name + "/w", [x.get_shape()[1], size], initializer=initializer)
    b = tf.get_variable(name + "/b", [size], initializer=tf.constant_initializer(0.0))
    return tf.matmul(x, w) + b


class LSTMPolicy(object):
    def __init__(self, ob_space, ac_space):
        self.x = x = tf.placeholder(tf.float32, [None] + list(ob_space))
        for i in range(4):
            x = tf.nn.elu(conv2d(x, 32, "l{}".format(i + 1)))
        x = tf.expand_dims(flatten(x), [0])

        lstm = rnn.BasicLSTMCell(256, state_is_tuple=True)
        c_init = np.zeros((1, lstm.state_size.c), np.float32)
        h_init = np.zeros((1, lstm.state_size.h), np.float32)
        self.state_init = [c_init, h_init]
        c_in = tf.placeholder(tf.float32, [1, lstm.state_size.c])
        h_in = tf.placeholder(tf.float32, [1, lstm.state_size.h])
        self.state_in = [c_in, h_in]
        step_size = tf.shape(self.x)[:1]
        lstm_outputs, lstm_state = tf.nn.dynamic_rnn(lstm, x, initial_state=rnn.LSTMStateTuple(c_in, h_in),
                                                     sequence_length=step_size, time_major=False)
        x = tf.reshape(lstm_outputs, [-1, 256])
        self.logits = linear(x, ac_space, "action", normalized_columns_initializer(0.01))
        self.vf = tf.reshape(linear(x, 1, "value", normalized_columns_initializer(1.0)), [-1])
        self.state_out = [lstm_state.c[:1, :], lstm_state.h[:1, :]]
        self.var_list = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, tf.get_variable_scope().name)
