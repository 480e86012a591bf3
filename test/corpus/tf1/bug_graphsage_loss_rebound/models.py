# Idiom seen in: williamleif/GraphSAGE graphsage/models.py (SampleAndAggregate._loss before the fix
#   for issue #21 "Weight decay was not applied")
# What it reproduces: the decay loop accumulates FLAGS.weight_decay * l2_loss(var) into self.loss,
#   then the next statement rebinds self.loss to the link-prediction loss, so every decay term is
#   computed and thrown away before compute_gradients sees the loss.
# label-note: WD104 on the `self.loss += ...` line inside the loop (the line computing the decay
#   term); the assignment right after it is what discards the accumulated value.
import tensorflow as tf

from aggregators import MeanAggregator
from prediction import BipartiteEdgePredLayer  # link-prediction loss, not part of this program

flags = tf.app.flags
FLAGS = flags.FLAGS


class Model(object):
  def __init__(self, **kwargs):
    self.name = kwargs.get('name', self.__class__.__name__.lower())
    self.vars = {}
    self.loss = 0
    self.optimizer = None
    self.opt_op = None


class SampleAndAggregate(Model):
  def __init__(self, placeholders, features, dims, learning_rate=0.00001, **kwargs):
    super(SampleAndAggregate, self).__init__(**kwargs)
    self.placeholders = placeholders
    self.features = tf.Variable(tf.constant(features, dtype=tf.float32), trainable=False)
    self.dims = dims
    self.optimizer = tf.train.AdamOptimizer(learning_rate=learning_rate)
    self.build()

  def _build(self):
    self.aggregators = [MeanAggregator(self.dims[i], self.dims[i + 1],
                                       dropout=FLAGS.dropout, name='agg%d' % i)
                        for i in range(len(self.dims) - 1)]
    outputs = []
    for key in ('batch1', 'batch2', 'neg'):
      h = tf.nn.embedding_lookup(self.features, self.placeholders[key])
      neigh = tf.nn.embedding_lookup(self.features, self.placeholders[key + '_neigh'])
      for agg in self.aggregators:
        h = agg((h, neigh))
        neigh = tf.stack([h] * FLAGS.samples, axis=1)
      outputs.append(tf.nn.l2_normalize(h, 1))
    self.outputs1, self.outputs2, self.neg_outputs = outputs
    self.link_pred_layer = BipartiteEdgePredLayer(self.dims[-1], self.dims[-1],
                                                  self.placeholders, act=tf.nn.sigmoid,
                                                  bilinear_weights=False, name='edge_predict')

  def build(self):
    self._build()
    self._loss()
    self.loss = self.loss / tf.cast(self.placeholders['batch_size'], tf.float32)
    grads_and_vars = self.optimizer.compute_gradients(self.loss)
    clipped = [(tf.clip_by_value(grad, -5.0, 5.0) if grad is not None else None, var)
               for grad, var in grads_and_vars]
    self.opt_op = self.optimizer.apply_gradients(clipped)

  def _loss(self):
    for aggregator in self.aggregators:
      for var in aggregator.vars.values():
        self.loss += FLAGS.weight_decay * tf.nn.l2_loss(var)  # expect: WD104
    self.loss = self.link_pred_layer.loss(self.outputs1, self.outputs2, self.neg_outputs)
    tf.summary.scalar('loss', self.loss)
