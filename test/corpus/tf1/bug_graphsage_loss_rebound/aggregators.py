# Idiom seen in: williamleif/GraphSAGE graphsage/aggregators.py
# What it reproduces: a MeanAggregator layer that keeps its weight matrices in self.vars (no bias).
import tensorflow as tf


def glorot(shape, name=None):
  init_range = (6.0 / (shape[0] + shape[1])) ** 0.5
  return tf.Variable(tf.random_uniform(shape, -init_range, init_range), name=name)


class MeanAggregator(object):
  def __init__(self, input_dim, output_dim, dropout=0., act=tf.nn.relu, name=None):
    self.dropout = dropout
    self.act = act
    self.vars = {}
    with tf.variable_scope((name or 'mean') + '_vars'):
      self.vars['neigh_weights'] = glorot([input_dim, output_dim], name='neigh_weights')
      self.vars['self_weights'] = glorot([input_dim, output_dim], name='self_weights')

  def __call__(self, inputs):
    self_vecs, neigh_vecs = inputs
    neigh_vecs = tf.nn.dropout(neigh_vecs, 1 - self.dropout)
    self_vecs = tf.nn.dropout(self_vecs, 1 - self.dropout)
    neigh_means = tf.reduce_mean(neigh_vecs, axis=1)
    from_neighs = tf.matmul(neigh_means, self.vars['neigh_weights'])
    from_self = tf.matmul(self_vecs, self.vars['self_weights'])
    return self.act(tf.add_n([from_self, from_neighs]))
