# Idiom seen in: ibab/tensorflow-wavenet wavenet/model.py
# What it reproduces: WaveNetModel.loss() returns reduced_loss when l2_regularization_strength is None and
#   otherwise reduced_loss + strength * add_n(l2_loss(v) for non-bias vars); the returned total is minimized (clean).
import tensorflow as tf


def create_variable(name, shape):
    initializer = tf.contrib.layers.xavier_initializer_conv2d()
    return tf.Variable(initializer(shape=shape), name=name)


def create_bias_variable(name, shape):
    return tf.Variable(tf.constant_initializer(value=0.0, dtype=tf.float32)(shape=shape), name=name)


class WaveNetModel(object):

    def __init__(self, batch_size, dilations, filter_width, residual_channels,
                 dilation_channels, quantization_channels=2 ** 8):
        self.batch_size = batch_size
        self.dilations = dilations
        self.filter_width = filter_width
        self.residual_channels = residual_channels
        self.dilation_channels = dilation_channels
        self.quantization_channels = quantization_channels
        self.variables = self._create_variables()

    def _create_variables(self):
        var = {'causal_layer': {'filter': create_variable(
            'filter', [self.filter_width, self.quantization_channels, self.residual_channels])}}
        var['dilated_stack'] = []
        for i, _ in enumerate(self.dilations):
            with tf.variable_scope('layer{}'.format(i)):
                var['dilated_stack'].append({
                    'filter': create_variable('filter', [self.filter_width, self.residual_channels,
                                                         self.dilation_channels]),
                    'dense': create_variable('dense', [1, self.dilation_channels, self.residual_channels]),
                    'filter_bias': create_bias_variable('filter_bias', [self.dilation_channels]),
                })
        var['postprocessing'] = {'postprocess': create_variable(
            'postprocess', [1, self.residual_channels, self.quantization_channels])}
        return var

    def _create_network(self, input_batch):
        current = tf.nn.conv1d(input_batch, self.variables['causal_layer']['filter'], 1, 'VALID')
        for layer, dilation in zip(self.variables['dilated_stack'], self.dilations):
            conv = tf.nn.convolution(current, layer['filter'], 'VALID', dilation_rate=[dilation])
            conv = tf.tanh(conv + layer['filter_bias'])
            current = current[:, -tf.shape(conv)[1]:, :] + tf.nn.conv1d(conv, layer['dense'], 1, 'SAME')
        return tf.nn.conv1d(tf.nn.relu(current), self.variables['postprocessing']['postprocess'], 1, 'SAME')

    def loss(self, input_batch, l2_regularization_strength=None, name='wavenet'):
        with tf.name_scope(name):
            encoded = tf.one_hot(input_batch, depth=self.quantization_channels, dtype=tf.float32)
            raw_output = self._create_network(encoded[:, :-1, :])
            with tf.name_scope('loss'):
                target_output = encoded[:, -tf.shape(raw_output)[1]:, :]
                loss = tf.nn.softmax_cross_entropy_with_logits(
                    logits=tf.reshape(raw_output, [-1, self.quantization_channels]),
                    labels=tf.reshape(target_output, [-1, self.quantization_channels]))
                reduced_loss = tf.reduce_mean(loss)
                tf.summary.scalar('loss', reduced_loss)

                if l2_regularization_strength is None:
                    return reduced_loss
                else:
                    l2_loss = tf.add_n([tf.nn.l2_loss(v) for v in tf.trainable_variables()
                                        if not ('bias' in v.name)])
                    total_loss = (reduced_loss + l2_regularization_strength * l2_loss)
                    tf.summary.scalar('l2_loss', l2_loss)
                    tf.summary.scalar('total_loss', total_loss)
                    return total_loss
