# Idiom seen in: Opium1715/SR-GNN-TF-2.X model/myModel.py (GGNN layer with add_weight, MyModel)
# What it reproduces: a session-based recommender: a gated graph layer whose weights come from add_weight
#   (the repository keeps its regularizer= arguments commented out; here they are simply absent) and a Model that keeps raw
#   tf.Variables for the item embedding and the attention readout. No Keras regularizer is active anywhere,
#   so the only decay is the explicit one in losses.py.
import math

import tensorflow as tf
from tensorflow import keras


class GGNN(keras.layers.Layer):
    def __init__(self, hidden_size=100, **kwargs):
        super().__init__(**kwargs)
        self.hidden_size = hidden_size
        self.stdv = 1.0 / math.sqrt(hidden_size)
        self.cell = keras.layers.GRUCell(hidden_size, use_bias=False)

    def build(self, input_shape):
        init = tf.random_uniform_initializer(minval=-self.stdv, maxval=self.stdv)
        self.W_in = self.add_weight(shape=(self.hidden_size, self.hidden_size), initializer=init, name='W_in')
        self.b_in = self.add_weight(shape=(self.hidden_size,), initializer=init, name='b_in')
        self.W_out = self.add_weight(shape=(self.hidden_size, self.hidden_size), initializer=init, name='W_out')
        self.b_out = self.add_weight(shape=(self.hidden_size,), initializer=init, name='b_out')

    def call(self, inputs):
        state, adj_in, adj_out = inputs
        state_in = tf.matmul(state, self.W_in) + self.b_in
        state_out = tf.matmul(state, self.W_out) + self.b_out
        av = tf.concat([tf.matmul(adj_in, state_in), tf.matmul(adj_out, state_out)], axis=-1)
        batch, nodes = tf.shape(av)[0], tf.shape(av)[1]
        flat_av = tf.reshape(av, [-1, 2 * self.hidden_size])
        new_state, _ = self.cell(flat_av, [tf.reshape(state, [-1, self.hidden_size])])
        return tf.reshape(new_state, [batch, nodes, self.hidden_size])


class SessionGraph(keras.Model):
    def __init__(self, n_node, hidden_size=100):
        super().__init__()
        stdv = 1.0 / math.sqrt(hidden_size)
        uniform = lambda shape: tf.random.uniform(shape, -stdv, stdv)
        self.embedding = tf.Variable(uniform((n_node, hidden_size)), name='embedding')
        self.w1 = tf.Variable(uniform((hidden_size, hidden_size)), name='w1')
        self.w2 = tf.Variable(uniform((hidden_size, hidden_size)), name='w2')
        self.q = tf.Variable(uniform((1, hidden_size)), name='q')
        self.c = tf.Variable(tf.zeros((hidden_size,)), name='c')
        self.w3 = tf.Variable(uniform((2 * hidden_size, hidden_size)), name='w3')
        self.ggnn = GGNN(hidden_size)

    def call(self, inputs, training=None):
        adj_in, adj_out, alias, items, mask = inputs
        hidden = self.ggnn([tf.nn.embedding_lookup(self.embedding, items), adj_in, adj_out])
        seq_hidden = tf.gather(hidden, alias, batch_dims=1)
        last = tf.gather(seq_hidden, tf.cast(tf.reduce_sum(mask, 1), tf.int32) - 1, batch_dims=1)
        alpha = tf.matmul(tf.sigmoid(tf.expand_dims(last @ self.w1, 1) + seq_hidden @ self.w2 + self.c),
                          self.q, transpose_b=True)
        global_pref = tf.reduce_sum(alpha * seq_hidden * tf.expand_dims(mask, -1), 1)
        session = tf.concat([global_pref, last], axis=-1) @ self.w3
        return tf.nn.softmax(session @ tf.transpose(self.embedding[1:]))
