# Idiom seen in: hwwang55/DKN src/dkn.py
# What it reproduces: DKN collects its embedding tables and KCNN filters in self.params, sums
#   l2_weight * l2_loss(param) into self.l2_loss, adds tf.losses.get_regularization_loss() for the
#   transform layers' kernel_regularizer, and minimizes base_loss + l2_loss with Adam (clean).
import argparse
import numpy as np
import tensorflow as tf
from sklearn.metrics import roc_auc_score
from data_loader import load_data


class DKN(object):
    def __init__(self, args):
        self.params = []
        self._build_inputs(args)
        self._build_model(args)
        self._build_train(args)

    def _build_inputs(self, args):
        with tf.name_scope('input'):
            self.clicked_words = tf.placeholder(tf.int32, [None, args.max_click_history, args.max_title_length])
            self.clicked_entities = tf.placeholder(tf.int32, [None, args.max_click_history, args.max_title_length])
            self.news_words = tf.placeholder(tf.int32, [None, args.max_title_length])
            self.news_entities = tf.placeholder(tf.int32, [None, args.max_title_length])
            self.labels = tf.placeholder(tf.float32, [None])

    def _build_model(self, args):
        with tf.name_scope('embedding'):
            word_embs = np.load('../data/news/word_embeddings_' + str(args.word_dim) + '.npy')
            entity_embs = np.load('../data/kg/entity_embeddings_' + args.KGE + '_' + str(args.entity_dim) + '.npy')
            self.word_embeddings = tf.Variable(word_embs, dtype=np.float32, name='word')
            self.entity_embeddings = tf.Variable(entity_embs, dtype=np.float32, name='entity')
            self.params.append(self.word_embeddings)
            self.params.append(self.entity_embeddings)
            if args.transform:
                self.entity_embeddings = tf.layers.dense(
                    self.entity_embeddings, units=args.entity_dim, activation=tf.nn.tanh, name='transformed_entity',
                    kernel_regularizer=tf.contrib.layers.l2_regularizer(args.l2_weight))

        clicked_words = tf.reshape(self.clicked_words, shape=[-1, args.max_title_length])
        clicked_entities = tf.reshape(self.clicked_entities, shape=[-1, args.max_title_length])
        with tf.variable_scope('kcnn', reuse=tf.AUTO_REUSE):
            clicked_embeddings = self._kcnn(clicked_words, clicked_entities, args)
            news_embeddings = self._kcnn(self.news_words, self.news_entities, args)
        clicked_embeddings = tf.reshape(
            clicked_embeddings, shape=[-1, args.max_click_history, args.n_filters * len(args.filter_sizes)])
        attention_weights = tf.nn.softmax(
            tf.reduce_sum(clicked_embeddings * tf.expand_dims(news_embeddings, 1), axis=-1), axis=-1)
        user_embeddings = tf.reduce_sum(clicked_embeddings * tf.expand_dims(attention_weights, -1), axis=1)
        self.scores_unnormalized = tf.reduce_sum(user_embeddings * news_embeddings, axis=1)
        self.scores = tf.sigmoid(self.scores_unnormalized)

    def _kcnn(self, words, entities, args):
        embedded_words = tf.nn.embedding_lookup(self.word_embeddings, words)
        embedded_entities = tf.nn.embedding_lookup(self.entity_embeddings, entities)
        concat_input = tf.expand_dims(tf.concat([embedded_words, embedded_entities], axis=-1), -1)
        full_dim = args.word_dim + args.entity_dim
        outputs = []
        for filter_size in args.filter_sizes:
            w = tf.get_variable(name='w_' + str(filter_size), shape=[filter_size, full_dim, 1, args.n_filters],
                                dtype=tf.float32)
            b = tf.get_variable(name='b_' + str(filter_size), shape=[args.n_filters], dtype=tf.float32)
            if w not in self.params:
                self.params.append(w)
            conv = tf.nn.conv2d(concat_input, w, strides=[1, 1, 1, 1], padding='VALID', name='conv')
            relu = tf.nn.relu(tf.nn.bias_add(conv, b), name='relu')
            pool = tf.nn.max_pool(relu, ksize=[1, args.max_title_length - filter_size + 1, 1, 1],
                                  strides=[1, 1, 1, 1], padding='VALID', name='pool')
            outputs.append(pool)
        output = tf.concat(outputs, axis=-1)
        return tf.reshape(output, [-1, args.n_filters * len(args.filter_sizes)])

    def _build_train(self, args):
        with tf.name_scope('train'):
            self.base_loss = tf.reduce_mean(
                tf.nn.sigmoid_cross_entropy_with_logits(labels=self.labels, logits=self.scores_unnormalized))
            self.l2_loss = tf.Variable(tf.constant(0., dtype=tf.float32), trainable=False)
            for param in self.params:
                self.l2_loss = tf.add(self.l2_loss, args.l2_weight * tf.nn.l2_loss(param))
            if args.transform:
                self.l2_loss = tf.add(self.l2_loss, tf.losses.get_regularization_loss())
            self.loss = self.base_loss + self.l2_loss
            self.optimizer = tf.train.AdamOptimizer(args.lr).minimize(self.loss)

    def train(self, sess, feed_dict):
        return sess.run(self.optimizer, feed_dict)

    def eval(self, sess, feed_dict):
        labels, scores = sess.run([self.labels, self.scores], feed_dict)
        return roc_auc_score(y_true=labels, y_score=scores)


def get_feed_dict(model, data, start, end):
    return {model.clicked_words: data.clicked_words[start:end],
            model.clicked_entities: data.clicked_entities[start:end],
            model.news_words: data.news_words[start:end],
            model.news_entities: data.news_entities[start:end],
            model.labels: data.labels[start:end]}


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--train_file', type=str, default='../data/news/train.txt')
    parser.add_argument('--test_file', type=str, default='../data/news/test.txt')
    parser.add_argument('--transform', type=bool, default=True)
    parser.add_argument('--KGE', type=str, default='TransE')
    parser.add_argument('--max_click_history', type=int, default=30)
    parser.add_argument('--max_title_length', type=int, default=10)
    parser.add_argument('--entity_dim', type=int, default=50)
    parser.add_argument('--word_dim', type=int, default=50)
    parser.add_argument('--l2_weight', type=float, default=0.01)
    parser.add_argument('--lr', type=float, default=0.001)
    parser.add_argument('--batch_size', type=int, default=128)
    parser.add_argument('--n_epochs', type=int, default=10)
    parser.add_argument('--n_filters', type=int, default=128)
    parser.add_argument('--filter_sizes', type=int, default=[1, 2], nargs='+')
    args = parser.parse_args()

    train_data, test_data = load_data(args)
    model = DKN(args)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(tf.local_variables_initializer())
        for step in range(args.n_epochs):
            start_list = list(range(0, train_data.size, args.batch_size))
            np.random.shuffle(start_list)
            for start in start_list:
                model.train(sess, get_feed_dict(model, train_data, start, start + args.batch_size))
            test_auc = model.eval(sess, get_feed_dict(model, test_data, 0, test_data.size))
            print('epoch %d    test_auc: %.4f' % (step, test_auc))
