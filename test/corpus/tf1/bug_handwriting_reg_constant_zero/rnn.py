# Idiom seen in: sjvasquez/handwriting-synthesis rnn.py
# Idiom seen in: sjvasquez/handwriting-synthesis tf_base_model.py
# What it reproduces: the subclass defines calculate_loss and the script builds it with
#   regularization_constant=0.0, the only value any construction passes, so the L2 block of
#   TFBaseModel.update_parameters is dead (reported in tf_base_model.py).
from __future__ import print_function

import os

import numpy as np
import tensorflow as tf

from data_frame import DataFrame
from tf_base_model import TFBaseModel


class DataReader(object):

    def __init__(self, data_dir):
        data_cols = ['x', 'x_len', 'c', 'c_len']
        data = [np.load(os.path.join(data_dir, '{}.npy'.format(i))) for i in data_cols]
        self.train_df = DataFrame(columns=data_cols, data=data)

    def train_batch_generator(self, batch_size):
        for batch in self.train_df.batch_generator(batch_size=batch_size, shuffle=True, num_epochs=10000):
            yield {'x': batch['x'], 'x_len': batch['x_len'], 'c': batch['c'], 'c_len': batch['c_len']}


class rnn(TFBaseModel):

    def __init__(self, lstm_size, output_mixture_components, attention_mixture_components, **kwargs):
        self.lstm_size = lstm_size
        self.output_mixture_components = output_mixture_components
        self.output_units = self.output_mixture_components * 6 + 1
        self.attention_mixture_components = attention_mixture_components
        super(rnn, self).__init__(**kwargs)

    def calculate_loss(self):
        self.x = tf.placeholder(tf.float32, [None, None, 3])
        self.y = tf.placeholder(tf.float32, [None, None, 3])
        self.x_len = tf.placeholder(tf.int32, [None])
        self.c = tf.placeholder(tf.int32, [None, None])
        self.c_len = tf.placeholder(tf.int32, [None])

        cell = tf.nn.rnn_cell.LSTMCell(self.lstm_size)
        outputs, _ = tf.nn.dynamic_rnn(cell, self.x, sequence_length=self.x_len, dtype=tf.float32)
        params = tf.layers.dense(outputs, self.output_units)
        pis, sigmas, rhos, mus, es = tf.split(params, [self.output_mixture_components,
                                                       2 * self.output_mixture_components,
                                                       self.output_mixture_components,
                                                       2 * self.output_mixture_components, 1], axis=-1)
        sequence_mask = tf.sequence_mask(self.x_len, maxlen=tf.shape(self.x)[1], dtype=tf.float32)
        nll = tf.reduce_sum(tf.square(self.y[..., :2] - mus[..., :2]), axis=-1) \
            + tf.nn.sigmoid_cross_entropy_with_logits(labels=self.y[..., 2], logits=es[..., 0])
        return tf.reduce_sum(nll * sequence_mask) / tf.maximum(tf.reduce_sum(sequence_mask), 1.0)


if __name__ == '__main__':
    dr = DataReader(data_dir='data/processed/')

    nn = rnn(
        reader=dr,
        checkpoint_dir='checkpoints',
        learning_rates=[.0001, .00005, .00002],
        batch_sizes=[32, 64, 64],
        patiences=[1500, 1000, 500],
        beta1_decays=[.9, .9, .9],
        num_training_steps=100000,
        regularization_constant=0.0,
        keep_prob=1.0,
        grad_clip=10,
        log_interval=20,
        lstm_size=400,
        output_mixture_components=20,
        attention_mixture_components=10,
    )
    nn.fit()
