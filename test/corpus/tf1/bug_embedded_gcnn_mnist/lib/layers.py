# Idiom seen in: rusty1s/embedded_gcnn lib/layer/inits.py, lib/layer/var_layer.py, lib/model/model.py, mnist_graph.py
# What it reproduces: layer classes forward weight_decay/bias_decay to weight_variable()/bias_variable(), whose
#   "if decay > 0:" blocks add wd * l2_loss to the "losses" collection; the MNIST graph script (as in the repo)
#   builds every layer with the default decay 0.0, so the decay machinery never runs (total_loss does sum it).
import tensorflow as tf

from .inits import weight_variable, bias_variable


class Layer(object):
    count = 0

    def __init__(self, name=None, logging=False):
        Layer.count += 1
        self.name = name or '{}_{}'.format(self.__class__.__name__.lower(), Layer.count)
        self.logging = logging

    def __call__(self, inputs):
        with tf.name_scope(self.name):
            return self._call(inputs)

    def _call(self, inputs):
        raise NotImplementedError


class VarLayer(Layer):
    def __init__(self, weight_shape, bias_shape, weight_stddev=0.1, weight_decay=0.0, bias=True,
                 bias_constant=0.1, bias_decay=0.0, act=tf.nn.relu, **kwargs):
        super(VarLayer, self).__init__(**kwargs)
        self.bias = bias
        self.act = act
        self.vars = {}
        with tf.variable_scope('{}_vars'.format(self.name)):
            self.vars['weights'] = weight_variable(weight_shape, '{}_weights'.format(self.name),
                                                   weight_stddev, weight_decay)
            if self.bias:
                self.vars['bias'] = bias_variable(bias_shape, '{}_bias'.format(self.name),
                                                  bias_constant, bias_decay)


class FC(VarLayer):
    def __init__(self, in_channels, out_channels, dropout=None, **kwargs):
        self.dropout = dropout
        super(FC, self).__init__(weight_shape=[in_channels, out_channels], bias_shape=[out_channels], **kwargs)

    def _call(self, inputs):
        in_channels = self.vars['weights'].get_shape()[0].value
        outputs = tf.reshape(inputs, [-1, in_channels])
        if self.dropout is not None:
            outputs = tf.nn.dropout(outputs, 1 - self.dropout)
        outputs = tf.matmul(outputs, self.vars['weights'])
        if self.bias:
            outputs = tf.nn.bias_add(outputs, self.vars['bias'])
        return self.act(outputs)


class EmbeddedGCNN(VarLayer):
    """Graph convolution whose kernel is indexed by (distance, angle) partitions of the adjacency."""

    def __init__(self, in_channels, out_channels, adjs_dist, adjs_rad, local_controllability=2,
                 sampling_points=8, **kwargs):
        self.adjs_dist = adjs_dist
        self.adjs_rad = adjs_rad
        self.sampling_points = sampling_points
        size = 1 + local_controllability * sampling_points
        super(EmbeddedGCNN, self).__init__(weight_shape=[size, in_channels, out_channels],
                                           bias_shape=[out_channels], **kwargs)

    def _call(self, inputs):
        outputs = []
        for i in range(len(inputs)):
            features = inputs[i]
            out = tf.matmul(features, self.vars['weights'][0])
            for k in range(1, self.sampling_points + 1):
                neighbours = tf.sparse_tensor_dense_matmul(self.adjs_rad[i][k - 1], features)
                out += tf.matmul(neighbours, self.vars['weights'][k])
            if self.bias:
                out = tf.nn.bias_add(out, self.vars['bias'])
            outputs.append(self.act(out))
        return outputs
