# Idiom seen in: tanwimallick/TL-DCRNN README.md
# What it reproduces: a TF1 DCRNN-style traffic forecaster (yaml config, supervisor class, masked MAE, Adam) where a
# user added weight decay with a small add_wd helper writing to the collection 'LOSSES'; the loss is built with
# tf.losses.get_total_loss(), which reads tf.GraphKeys.LOSSES == 'losses' (and the regularization losses), so the
# upper-case key is never read and the decay never reaches the minimized loss (a realistic mistake, not repo code).
import argparse

import numpy as np
import tensorflow as tf
import yaml

from lib import utils
from model.dcrnn_cell import DCGRUCell


def get_params(x):
    """Kernel of the tf.layers.dense that produced x."""
    name = x.name.split('/')[0:-1]
    with tf.variable_scope('', reuse=True):
        return [tf.get_variable('/'.join(name) + '/kernel')]


def add_wd(op, wd):
    for param in get_params(op):
        weight_decay = tf.multiply(tf.nn.l2_loss(param), wd)
        tf.add_to_collection('LOSSES', weight_decay)  # expect: WD101
    return op


def masked_mae_loss(preds, labels, null_val=0.):
    mask = tf.cast(tf.not_equal(labels, null_val), tf.float32)
    mask /= tf.reduce_mean(mask)
    loss = tf.abs(preds - labels) * mask
    return tf.reduce_mean(tf.where(tf.is_nan(loss), tf.zeros_like(loss), loss))


class DCRNNModel(object):

    def __init__(self, adj_mx, batch_size, model_kwargs):
        horizon = int(model_kwargs['horizon'])
        num_nodes = int(model_kwargs['num_nodes'])
        rnn_units = int(model_kwargs['rnn_units'])
        seq_len = int(model_kwargs['seq_len'])
        input_dim = int(model_kwargs['input_dim'])
        wd = float(model_kwargs.get('weight_decay', 1e-4))

        self.inputs = tf.placeholder(tf.float32, (batch_size, seq_len, num_nodes, input_dim), name='inputs')
        self.labels = tf.placeholder(tf.float32, (batch_size, horizon, num_nodes, 1), name='labels')

        cell = DCGRUCell(rnn_units, adj_mx, max_diffusion_step=2, num_nodes=num_nodes)
        encoding_cells = tf.contrib.rnn.MultiRNNCell([cell] * int(model_kwargs['num_rnn_layers']))
        inputs = tf.unstack(tf.reshape(self.inputs, (batch_size, seq_len, num_nodes * input_dim)), axis=1)
        _, enc_state = tf.contrib.rnn.static_rnn(encoding_cells, inputs, dtype=tf.float32)

        last = tf.reshape(enc_state[-1], (batch_size, num_nodes, rnn_units))
        hidden = add_wd(tf.layers.dense(last, 64, activation=tf.nn.relu, name='proj_hidden'), wd)
        out = add_wd(tf.layers.dense(hidden, horizon, name='proj_out'), wd)
        self.outputs = tf.expand_dims(tf.transpose(out, (0, 2, 1)), -1)


class DCRNNSupervisor(object):

    def __init__(self, adj_mx, **kwargs):
        self._data_kwargs = kwargs.get('data')
        self._model_kwargs = kwargs.get('model')
        self._train_kwargs = kwargs.get('train')
        self._data = utils.load_dataset(**self._data_kwargs)
        self._scaler = self._data['scaler']

        with tf.variable_scope('DCRNN'):
            self._model = DCRNNModel(adj_mx, self._data_kwargs['batch_size'], self._model_kwargs)

        preds = self._scaler.inverse_transform(self._model.outputs)
        tf.losses.add_loss(masked_mae_loss(preds, self._model.labels))
        self._loss = tf.losses.get_total_loss()
        self._lr = tf.get_variable('learning_rate', shape=(), initializer=tf.constant_initializer(0.01),
                                   trainable=False)
        optimizer = tf.train.AdamOptimizer(self._lr, epsilon=float(self._train_kwargs.get('epsilon', 1e-3)))
        tvars = tf.trainable_variables()
        grads, _ = tf.clip_by_global_norm(tf.gradients(self._loss, tvars), self._train_kwargs['max_grad_norm'])
        self._train_op = optimizer.apply_gradients(zip(grads, tvars),
                                                   global_step=tf.train.get_or_create_global_step())

    def train(self, sess):
        sess.run(tf.global_variables_initializer())
        for epoch in range(self._train_kwargs['epochs']):
            losses = []
            for x, y in self._data['train_loader'].get_iterator():
                _, l = sess.run([self._train_op, self._loss],
                                feed_dict={self._model.inputs: x, self._model.labels: y})
                losses.append(l)
            print('Epoch %d train_mae %.4f' % (epoch, np.mean(losses)))


def main(args):
    with open(args.config_filename) as f:
        config = yaml.load(f)
    _, _, adj_mx = utils.load_graph_data(config['data'].get('graph_pkl_filename'))
    with tf.Session() as sess:
        supervisor = DCRNNSupervisor(adj_mx=adj_mx, **config)
        supervisor.train(sess)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--config_filename', default='data/dcrnn_config.yaml', type=str)
    main(parser.parse_args())
