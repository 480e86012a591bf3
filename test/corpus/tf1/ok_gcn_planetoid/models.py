# Idiom seen in: tkipf/gcn gcn/models.py (Model.build -> _loss -> optimizer.minimize(self.loss); GCN._loss adds FLAGS.weight_decay * tf.nn.l2_loss(var))
# What it reproduces: a graph-convolution Model base class that accumulates self.loss; the GCN subclass adds a
#   hand-written L2 term over the first layer's variables to self.loss before the cross entropy, and build()
#   minimizes self.loss with Adam. Clean.
import tensorflow as tf

from gcn.layers import GraphConvolution, Dense
from gcn.metrics import masked_softmax_cross_entropy, masked_accuracy

flags = tf.app.flags
FLAGS = flags.FLAGS


class Model(object):
    def __init__(self, name=None, logging=False):
        self.name = name or self.__class__.__name__.lower()
        self.logging = logging
        self.vars = {}
        self.placeholders = {}
        self.layers = []
        self.activations = []
        self.inputs = None
        self.outputs = None
        self.loss = 0
        self.accuracy = 0
        self.optimizer = None
        self.opt_op = None

    def _build(self):
        raise NotImplementedError

    def build(self):
        with tf.variable_scope(self.name):
            self._build()

        self.activations.append(self.inputs)
        for layer in self.layers:
            hidden = layer(self.activations[-1])
            self.activations.append(hidden)
        self.outputs = self.activations[-1]

        variables = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope=self.name)
        self.vars = {var.name: var for var in variables}

        self._loss()
        self._accuracy()
        self.opt_op = self.optimizer.minimize(self.loss)

    def _loss(self):
        raise NotImplementedError

    def _accuracy(self):
        raise NotImplementedError


class GCN(Model):
    def __init__(self, placeholders, input_dim, **kwargs):
        super(GCN, self).__init__(**kwargs)
        self.inputs = placeholders['features']
        self.input_dim = input_dim
        self.output_dim = placeholders['labels'].get_shape().as_list()[1]
        self.placeholders = placeholders
        self.optimizer = tf.train.AdamOptimizer(learning_rate=FLAGS.learning_rate)
        self.build()

    def _loss(self):
        # Weight decay loss (first layer only, as in the paper)
        for var in self.layers[0].vars.values():
            self.loss += FLAGS.weight_decay * tf.nn.l2_loss(var)

        # Cross entropy error
        self.loss += masked_softmax_cross_entropy(self.outputs, self.placeholders['labels'],
                                                  self.placeholders['labels_mask'])

    def _accuracy(self):
        self.accuracy = masked_accuracy(self.outputs, self.placeholders['labels'],
                                        self.placeholders['labels_mask'])

    def _build(self):
        self.layers.append(GraphConvolution(input_dim=self.input_dim, output_dim=FLAGS.hidden1,
                                            placeholders=self.placeholders, act=tf.nn.relu,
                                            dropout=True, sparse_inputs=True, logging=self.logging))
        self.layers.append(GraphConvolution(input_dim=FLAGS.hidden1, output_dim=self.output_dim,
                                            placeholders=self.placeholders, act=lambda x: x,
                                            dropout=True, logging=self.logging))

    def predict(self):
        return tf.nn.softmax(self.outputs)
