# Idiom seen in: hexiangnan/neural_factorization_machine NeuralFM.py
# What it reproduces: Neural FM with `--lamda` (argparse default 0) guarding an inline
#   l2_regularizer(lamda)(feature_embeddings) that is added to the loss the chosen optimizer minimizes;
#   a default of 0 is only a default (the run passes --lamda), so this is clean.
import argparse
import numpy as np
import tensorflow as tf
import LoadData as DATA
from tensorflow.contrib.layers.python.layers import batch_norm as batch_norm


def parse_args():
    parser = argparse.ArgumentParser(description="Run Neural FM.")
    parser.add_argument('--path', nargs='?', default='data/')
    parser.add_argument('--dataset', nargs='?', default='frappe')
    parser.add_argument('--epoch', type=int, default=200)
    parser.add_argument('--batch_size', type=int, default=128)
    parser.add_argument('--hidden_factor', type=int, default=64)
    parser.add_argument('--layers', nargs='?', default='[64]')
    parser.add_argument('--keep_prob', nargs='?', default='[0.8,0.5]')
    parser.add_argument('--lamda', type=float, default=0, help='Regularizer for bilinear part.')
    parser.add_argument('--lr', type=float, default=0.05)
    parser.add_argument('--optimizer', nargs='?', default='AdagradOptimizer')
    return parser.parse_args()


class NeuralFM(object):
    def __init__(self, features_M, hidden_factor, layers, epoch, batch_size, learning_rate,
                 lamda_bilinear, keep_prob, optimizer_type, random_seed=2016):
        self.features_M = features_M
        self.hidden_factor = hidden_factor
        self.layers = layers
        self.epoch = epoch
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.lamda_bilinear = lamda_bilinear
        self.keep_prob = np.array(keep_prob)
        self.optimizer_type = optimizer_type
        self.random_seed = random_seed
        self._init_graph()

    def _init_graph(self):
        self.graph = tf.Graph()
        with self.graph.as_default():
            tf.set_random_seed(self.random_seed)
            self.train_features = tf.placeholder(tf.int32, shape=[None, None])
            self.train_labels = tf.placeholder(tf.float32, shape=[None, 1])
            self.dropout_keep = tf.placeholder(tf.float32, shape=[None])
            self.train_phase = tf.placeholder(tf.bool)

            self.weights = self._initialize_weights()

            nonzero_embeddings = tf.nn.embedding_lookup(self.weights['feature_embeddings'], self.train_features)
            summed_features_emb_square = tf.square(tf.reduce_sum(nonzero_embeddings, 1))
            squared_sum_features_emb = tf.reduce_sum(tf.square(nonzero_embeddings), 1)
            self.FM = 0.5 * tf.subtract(summed_features_emb_square, squared_sum_features_emb)
            self.FM = batch_norm(self.FM, decay=0.9, center=True, scale=True, updates_collections=None,
                                 is_training=self.train_phase, scope='bn_fm')
            self.FM = tf.nn.dropout(self.FM, self.dropout_keep[-1])
            for i in range(0, len(self.layers)):
                self.FM = tf.add(tf.matmul(self.FM, self.weights['layer_%d' % i]), self.weights['bias_%d' % i])
                self.FM = tf.nn.relu(self.FM)
                self.FM = tf.nn.dropout(self.FM, self.dropout_keep[i])
            self.FM = tf.matmul(self.FM, self.weights['prediction'])

            Bilinear = tf.reduce_sum(self.FM, 1, keep_dims=True)
            Feature_bias = tf.reduce_sum(tf.nn.embedding_lookup(self.weights['feature_bias'], self.train_features), 1)
            Bias = self.weights['bias'] * tf.ones_like(self.train_labels)
            self.out = tf.add_n([Bilinear, Feature_bias, Bias])

            if self.lamda_bilinear > 0:
                self.loss = tf.nn.l2_loss(tf.subtract(self.train_labels, self.out)) + \
                    tf.contrib.layers.l2_regularizer(self.lamda_bilinear)(self.weights['feature_embeddings'])
            else:
                self.loss = tf.nn.l2_loss(tf.subtract(self.train_labels, self.out))

            if self.optimizer_type == 'AdamOptimizer':
                self.optimizer = tf.train.AdamOptimizer(learning_rate=self.learning_rate).minimize(self.loss)
            elif self.optimizer_type == 'AdagradOptimizer':
                self.optimizer = tf.train.AdagradOptimizer(learning_rate=self.learning_rate,
                                                           initial_accumulator_value=1e-8).minimize(self.loss)
            elif self.optimizer_type == 'GradientDescentOptimizer':
                self.optimizer = tf.train.GradientDescentOptimizer(learning_rate=self.learning_rate).minimize(self.loss)
            elif self.optimizer_type == 'MomentumOptimizer':
                self.optimizer = tf.train.MomentumOptimizer(learning_rate=self.learning_rate,
                                                            momentum=0.95).minimize(self.loss)

            self.sess = tf.Session()
            self.sess.run(tf.global_variables_initializer())

    def _initialize_weights(self):
        all_weights = dict()
        all_weights['feature_embeddings'] = tf.Variable(
            tf.random_normal([self.features_M, self.hidden_factor], 0.0, 0.01), name='feature_embeddings')
        all_weights['feature_bias'] = tf.Variable(tf.random_uniform([self.features_M, 1], 0.0, 0.0), name='feature_bias')
        all_weights['bias'] = tf.Variable(tf.constant(0.0), name='bias')
        glorot = np.sqrt(2.0 / (self.hidden_factor + self.layers[0]))
        all_weights['layer_0'] = tf.Variable(
            np.random.normal(loc=0, scale=glorot, size=(self.hidden_factor, self.layers[0])), dtype=np.float32)
        all_weights['bias_0'] = tf.Variable(np.zeros((1, self.layers[0])), dtype=np.float32)
        for i in range(1, len(self.layers)):
            glorot = np.sqrt(2.0 / (self.layers[i - 1] + self.layers[i]))
            all_weights['layer_%d' % i] = tf.Variable(
                np.random.normal(loc=0, scale=glorot, size=(self.layers[i - 1], self.layers[i])), dtype=np.float32)
            all_weights['bias_%d' % i] = tf.Variable(np.zeros((1, self.layers[i])), dtype=np.float32)
        glorot = np.sqrt(2.0 / (self.layers[-1] + 1))
        all_weights['prediction'] = tf.Variable(
            np.random.normal(loc=0, scale=glorot, size=(self.layers[-1], 1)), dtype=np.float32)
        return all_weights

    def partial_fit(self, data):
        feed_dict = {self.train_features: data['X'], self.train_labels: data['Y'],
                     self.dropout_keep: self.keep_prob, self.train_phase: True}
        loss, opt = self.sess.run((self.loss, self.optimizer), feed_dict=feed_dict)
        return loss

    def train(self, train_data):
        for epoch in range(self.epoch):
            total_batch = int(len(train_data['Y']) / self.batch_size)
            for i in range(total_batch):
                start = i * self.batch_size
                batch = {'X': train_data['X'][start:start + self.batch_size],
                         'Y': [[y] for y in train_data['Y'][start:start + self.batch_size]]}
                self.partial_fit(batch)


if __name__ == '__main__':
    args = parse_args()
    data = DATA.LoadData(args.path, args.dataset, 'square_loss')
    model = NeuralFM(data.features_M, args.hidden_factor, eval(args.layers), args.epoch, args.batch_size,
                     args.lr, args.lamda, eval(args.keep_prob), args.optimizer)
    model.train(data.Train_data)
