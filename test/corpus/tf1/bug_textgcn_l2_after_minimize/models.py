# Idiom seen in: yao8839836/text_gcn models.py
# Idiom seen in: yao8839836/text_gcn layers.py
# What it reproduces: Model.build() runs _loss() and then optimizer.minimize(self.loss); GCN._loss puts
#   weight_decay * l2_loss on the first layer. A subclass that also wants the second layer decayed adds
#   to self.loss after super().build(), i.e. after minimize(): that term is only printed, never trained.
import tensorflow as tf

from layers import GraphConvolution

flags = tf.app.flags
FLAGS = flags.FLAGS


def masked_softmax_cross_entropy(preds, labels, mask):
    loss = tf.nn.softmax_cross_entropy_with_logits(logits=preds, labels=labels)
    mask = tf.cast(mask, dtype=tf.float32)
    mask /= tf.reduce_mean(mask)
    return tf.reduce_mean(loss * mask)


class Model(object):
    def __init__(self, name):
        self.name = name
        self.layers = []
        self.activations = []
        self.loss = 0
        self.optimizer = None
        self.opt_op = None

    def build(self):
        with tf.variable_scope(self.name):
            self._build()
        self.activations.append(self.inputs)
        for layer in self.layers:
            self.activations.append(layer(self.activations[-1]))
        self.outputs = self.activations[-1]
        self._loss()
        self.opt_op = self.optimizer.minimize(self.loss)


class GCN(Model):
    def __init__(self, placeholders, input_dim, name='gcn'):
        super(GCN, self).__init__(name)
        self.inputs = placeholders['features']
        self.input_dim = input_dim
        self.output_dim = placeholders['labels'].get_shape().as_list()[1]
        self.placeholders = placeholders
        self.optimizer = tf.train.AdamOptimizer(learning_rate=FLAGS.learning_rate)
        self.build()

    def _loss(self):
        for var in self.layers[0].vars.values():
            self.loss += FLAGS.weight_decay * tf.nn.l2_loss(var)
        self.loss += masked_softmax_cross_entropy(self.outputs, self.placeholders['labels'],
                                                  self.placeholders['labels_mask'])

    def _build(self):
        self.layers.append(GraphConvolution(self.input_dim, FLAGS.hidden1, self.placeholders, 'gc1',
                                            dropout=True, sparse_inputs=True))
        self.layers.append(GraphConvolution(FLAGS.hidden1, self.output_dim, self.placeholders, 'gc2',
                                            act=lambda x: x, dropout=True))


class GCNFullDecay(GCN):
    """GCN with weight decay on both graph convolutions."""

    def build(self):
        super(GCNFullDecay, self).build()
        for var in self.layers[1].vars.values():
            self.loss += FLAGS.weight_decay * tf.nn.l2_loss(var)  # expect: WD104
