# Idiom seen in: yao8839836/text_gcn layers.py
# What it reproduces: Kipf-style GraphConvolution layers that keep their weights in self.vars (the
#   models read layer.vars to build the weight decay term).
import tensorflow as tf

flags = tf.app.flags
FLAGS = flags.FLAGS


def glorot(shape, name=None):
    init_range = (6.0 / (shape[0] + shape[1])) ** 0.5
    initial = tf.random_uniform(shape, minval=-init_range, maxval=init_range, dtype=tf.float32)
    return tf.Variable(initial, name=name)


def dot(x, y, sparse=False):
    if sparse:
        return tf.sparse_tensor_dense_matmul(x, y)
    return tf.matmul(x, y)


class GraphConvolution(object):
    def __init__(self, input_dim, output_dim, placeholders, name, dropout=0.,
                 sparse_inputs=False, act=tf.nn.relu, featureless=False):
        self.name = name
        self.vars = {}
        self.dropout = placeholders['dropout'] if dropout else 0.
        self.act = act
        self.support = placeholders['support']
        self.sparse_inputs = sparse_inputs
        self.featureless = featureless
        with tf.variable_scope(self.name + '_vars'):
            for i in range(len(self.support)):
                self.vars['weights_' + str(i)] = glorot([input_dim, output_dim], name='weights_' + str(i))

    def __call__(self, x):
        if not self.sparse_inputs:
            x = tf.nn.dropout(x, 1 - self.dropout)
        supports = []
        for i in range(len(self.support)):
            pre_sup = dot(x, self.vars['weights_' + str(i)], sparse=self.sparse_inputs)
            supports.append(dot(self.support[i], pre_sup, sparse=True))
        return self.act(tf.add_n(supports))
