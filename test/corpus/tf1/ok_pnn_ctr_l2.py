# Idiom seen in: Atomu2014/product-nets python/models.py
# Idiom seen in: Atomu2014/product-nets python/main.py
# What it reproduces: Product-based Neural Network for CTR prediction: the loss adds embed_l2 * l2_loss of the
#   looked-up field embeddings and layer_l2[i] * l2_loss of each dense weight, under `if layer_l2 is not None`,
#   and get_optimizer(...).minimize(self.loss) trains that loss; main.py passes non-zero values. Clean.
from __future__ import print_function

import numpy as np
import tensorflow as tf
from sklearn.metrics import roc_auc_score

import utils

dtype = utils.DTYPE


class PNN1(object):
    def __init__(self, field_sizes=None, embed_size=10, layer_sizes=None, layer_acts=None, drop_out=None,
                 embed_l2=None, layer_l2=None, init_path=None, opt_algo='gd', learning_rate=1e-2,
                 random_seed=None):
        init_vars = []
        num_inputs = len(field_sizes)
        for i in range(num_inputs):
            init_vars.append(('embed_%d' % i, [field_sizes[i], embed_size], 'xavier', dtype))
        num_pairs = int(num_inputs * (num_inputs - 1) / 2)
        node_in = num_inputs * embed_size + num_pairs
        for i in range(len(layer_sizes)):
            init_vars.append(('w%d' % i, [node_in, layer_sizes[i]], 'xavier', dtype))
            init_vars.append(('b%d' % i, [layer_sizes[i]], 'zero', dtype))
            node_in = layer_sizes[i]
        self.graph = tf.Graph()
        with self.graph.as_default():
            if random_seed is not None:
                tf.set_random_seed(random_seed)
            self.X = [tf.sparse_placeholder(dtype) for i in range(num_inputs)]
            self.y = tf.placeholder(dtype)
            self.keep_prob_train = 1 - np.array(drop_out)
            self.keep_prob_test = np.ones_like(drop_out)
            self.layer_keeps = tf.placeholder(dtype)
            self.vars = utils.init_var_map(init_vars, init_path)
            w0 = [self.vars['embed_%d' % i] for i in range(num_inputs)]
            xw = tf.concat([tf.sparse_tensor_dense_matmul(self.X[i], w0[i]) for i in range(num_inputs)], 1)
            xw3d = tf.reshape(xw, [-1, num_inputs, embed_size])

            row, col = [], []
            for i in range(num_inputs - 1):
                for j in range(i + 1, num_inputs):
                    row.append(i)
                    col.append(j)
            p = tf.transpose(tf.gather(tf.transpose(xw3d, [1, 0, 2]), row), [1, 0, 2])
            q = tf.transpose(tf.gather(tf.transpose(xw3d, [1, 0, 2]), col), [1, 0, 2])
            ip = tf.reshape(tf.reduce_sum(p * q, [-1]), [-1, num_pairs])
            l = tf.concat([xw, ip], 1)

            for i in range(len(layer_sizes)):
                wi = self.vars['w%d' % i]
                bi = self.vars['b%d' % i]
                l = tf.nn.dropout(utils.activate(tf.matmul(l, wi) + bi, layer_acts[i]),
                                  self.layer_keeps[i])

            l = tf.squeeze(l)
            self.y_prob = tf.sigmoid(l)

            self.loss = tf.reduce_mean(
                tf.nn.sigmoid_cross_entropy_with_logits(logits=l, labels=self.y))
            if layer_l2 is not None:
                self.loss += embed_l2 * tf.nn.l2_loss(xw)
                for i in range(len(layer_sizes)):
                    wi = self.vars['w%d' % i]
                    self.loss += layer_l2[i] * tf.nn.l2_loss(wi)
            self.optimizer = utils.get_optimizer(opt_algo, learning_rate, self.loss)

            config = tf.ConfigProto()
            config.gpu_options.allow_growth = True
            self.sess = tf.Session(config=config)
            tf.global_variables_initializer().run(session=self.sess)

    def run(self, fetches, X=None, y=None, mode='train'):
        feed_dict = {}
        for i in range(len(X)):
            feed_dict[self.X[i]] = X[i]
        if y is not None:
            feed_dict[self.y] = y
        feed_dict[self.layer_keeps] = self.keep_prob_train if mode == 'train' else self.keep_prob_test
        return self.sess.run(fetches, feed_dict)


train_data = utils.split_data(utils.shuffle(utils.read_data('../data/train.txt')))
test_data = utils.split_data(utils.read_data('../data/test.txt'))
field_sizes = [x for x in utils.FIELD_SIZES if x > 0]
batch_size = 1024

pnn1_params = {
    'field_sizes': field_sizes,
    'embed_size': 10,
    'layer_sizes': [500, 1],
    'layer_acts': ['relu', None],
    'drop_out': [0.5, 0],
    'opt_algo': 'adam',
    'learning_rate': 1e-3,
    'embed_l2': 1e-6,
    'layer_l2': [1e-5, 1e-5],
    'random_seed': 0,
}
model = PNN1(**pnn1_params)

for epoch in range(20):
    losses = []
    for j in range(int(train_data[0][0].shape[0] / batch_size) + 1):
        X_i, y_i = utils.slice(train_data, j * batch_size, batch_size)
        _, l = model.run([model.optimizer, model.loss], X_i, y_i)
        losses.append(l)
    preds = []
    for j in range(int(test_data[0][0].shape[0] / 10000) + 1):
        X_i, _ = utils.slice(test_data, j * 10000, 10000)
        preds.extend(model.run(model.y_prob, X_i, mode='test'))
    print('[%d]\tloss (with l2 norm): %f\teval-auc: %f' % (
        epoch, np.mean(losses), roc_auc_score(test_data[1], preds)))
