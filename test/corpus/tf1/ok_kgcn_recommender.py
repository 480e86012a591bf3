# Idiom seen in: hwwang55/KGCN src/model.py
# Idiom seen in: hwwang55/KGCN src/aggregators.py
# Idiom seen in: hwwang55/KGCN src/main.py
# What it reproduces: knowledge-graph convolution recommender: argparse l2_weight, hand-written
#   l2_loss over the embedding tables and each aggregator's weights, self.loss = base_loss + l2_weight * l2_loss,
#   AdamOptimizer(lr).minimize(self.loss). Clean: the penalty is in the minimized loss.
import argparse

import numpy as np
import tensorflow as tf

from data_loader import load_data

LAYER_IDS = {}


def get_layer_id(layer_name=''):
    LAYER_IDS[layer_name] = LAYER_IDS.get(layer_name, -1) + 1
    return LAYER_IDS[layer_name]


class SumAggregator(object):
    def __init__(self, batch_size, dim, dropout=0., act=tf.nn.relu, name=None):
        self.name = name or 'sumaggregator_' + str(get_layer_id('sumaggregator'))
        self.batch_size, self.dim, self.dropout, self.act = batch_size, dim, dropout, act
        with tf.variable_scope(self.name):
            self.weights = tf.get_variable(shape=[self.dim, self.dim],
                                           initializer=tf.contrib.layers.xavier_initializer(), name='weights')
            self.bias = tf.get_variable(shape=[self.dim], initializer=tf.zeros_initializer(), name='bias')

    def __call__(self, self_vectors, neighbor_vectors, neighbor_relations, user_embeddings):
        user_embeddings = tf.reshape(user_embeddings, [self.batch_size, 1, 1, self.dim])
        scores = tf.nn.softmax(tf.reduce_mean(user_embeddings * neighbor_relations, axis=-1), axis=-1)
        neighbors_agg = tf.reduce_mean(tf.expand_dims(scores, -1) * neighbor_vectors, axis=2)
        output = tf.reshape(self_vectors + neighbors_agg, [-1, self.dim])
        output = tf.nn.dropout(output, keep_prob=1 - self.dropout)
        output = tf.matmul(output, self.weights) + self.bias
        return self.act(tf.reshape(output, [self.batch_size, -1, self.dim]))


class KGCN(object):
    def __init__(self, args, n_user, n_entity, n_relation, adj_entity, adj_relation):
        self.adj_entity, self.adj_relation = adj_entity, adj_relation
        self.n_iter, self.batch_size = args.n_iter, args.batch_size
        self.n_neighbor, self.dim = args.neighbor_sample_size, args.dim
        self.l2_weight, self.lr = args.l2_weight, args.lr

        self.user_indices = tf.placeholder(tf.int64, [None], name='user_indices')
        self.item_indices = tf.placeholder(tf.int64, [None], name='item_indices')
        self.labels = tf.placeholder(tf.float32, [None], name='labels')

        init = tf.contrib.layers.xavier_initializer()
        self.user_emb_matrix = tf.get_variable(shape=[n_user, self.dim], initializer=init, name='user_emb_matrix')
        self.entity_emb_matrix = tf.get_variable(shape=[n_entity, self.dim], initializer=init, name='entity_emb_matrix')
        self.relation_emb_matrix = tf.get_variable(shape=[n_relation, self.dim], initializer=init,
                                                   name='relation_emb_matrix')
        self.user_embeddings = tf.nn.embedding_lookup(self.user_emb_matrix, self.user_indices)
        entities, relations = self.get_neighbors(self.item_indices)
        self.item_embeddings, self.aggregators = self.aggregate(entities, relations)
        self.scores = tf.reduce_sum(self.user_embeddings * self.item_embeddings, axis=1)
        self.scores_normalized = tf.sigmoid(self.scores)
        self._build_train()

    def get_neighbors(self, seeds):
        seeds = tf.expand_dims(seeds, axis=1)
        entities, relations = [seeds], []
        for i in range(self.n_iter):
            entities.append(tf.reshape(tf.gather(self.adj_entity, entities[i]), [self.batch_size, -1]))
            relations.append(tf.reshape(tf.gather(self.adj_relation, entities[i]), [self.batch_size, -1]))
        return entities, relations

    def aggregate(self, entities, relations):
        aggregators = []
        entity_vectors = [tf.nn.embedding_lookup(self.entity_emb_matrix, i) for i in entities]
        relation_vectors = [tf.nn.embedding_lookup(self.relation_emb_matrix, i) for i in relations]
        for i in range(self.n_iter):
            act = tf.nn.tanh if i == self.n_iter - 1 else tf.nn.relu
            aggregator = SumAggregator(self.batch_size, self.dim, act=act)
            aggregators.append(aggregator)
            next_vectors = []
            for hop in range(self.n_iter - i):
                shape = [self.batch_size, -1, self.n_neighbor, self.dim]
                next_vectors.append(aggregator(entity_vectors[hop], tf.reshape(entity_vectors[hop + 1], shape),
                                               tf.reshape(relation_vectors[hop], shape), self.user_embeddings))
            entity_vectors = next_vectors
        return tf.reshape(entity_vectors[0], [self.batch_size, self.dim]), aggregators

    def _build_train(self):
        self.base_loss = tf.reduce_mean(
            tf.nn.sigmoid_cross_entropy_with_logits(labels=self.labels, logits=self.scores))
        self.l2_loss = tf.nn.l2_loss(self.user_emb_matrix) + tf.nn.l2_loss(
            self.entity_emb_matrix) + tf.nn.l2_loss(self.relation_emb_matrix)
        for aggregator in self.aggregators:
            self.l2_loss = self.l2_loss + tf.nn.l2_loss(aggregator.weights)
        self.loss = self.base_loss + self.l2_weight * self.l2_loss
        self.optimizer = tf.train.AdamOptimizer(self.lr).minimize(self.loss)


def train(args, data):
    n_user, n_item, n_entity, n_relation = data[0], data[1], data[2], data[3]
    train_data, adj_entity, adj_relation = data[4], data[7], data[8]
    model = KGCN(args, n_user, n_entity, n_relation, adj_entity, adj_relation)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(args.n_epochs):
            np.random.shuffle(train_data)
            start = 0
            while start + args.batch_size <= train_data.shape[0]:
                batch = train_data[start:start + args.batch_size]
                _, loss = sess.run([model.optimizer, model.loss],
                                   {model.user_indices: batch[:, 0], model.item_indices: batch[:, 1],
                                    model.labels: batch[:, 2]})
                start += args.batch_size
            print('epoch %d    loss: %.4f' % (step, loss))


if __name__ == '__main__':
    np.random.seed(555)
    parser = argparse.ArgumentParser()
    parser.add_argument('--dataset', type=str, default='movie', help='which dataset to use')
    parser.add_argument('--n_epochs', type=int, default=10, help='the number of epochs')
    parser.add_argument('--neighbor_sample_size', type=int, default=4, help='the number of neighbors to be sampled')
    parser.add_argument('--dim', type=int, default=32, help='dimension of user and entity embeddings')
    parser.add_argument('--n_iter', type=int, default=2, help='number of iterations of entity representation')
    parser.add_argument('--batch_size', type=int, default=65536, help='batch size')
    parser.add_argument('--l2_weight', type=float, default=1e-7, help='weight of l2 regularization')
    parser.add_argument('--lr', type=float, default=2e-2, help='learning rate')
    args = parser.parse_args()
    train(args, load_data(args))
