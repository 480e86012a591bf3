# Idiom seen in: lzheng21/DIAN models/BPR.py
# Idiom seen in: lzheng21/DIAN main.py
# What it reproduces: the BPR model class of the repository: embeddings as tf.Variable, the loss from
# losses.bpr_loss(..., lambda_u, lambda_v), and train(n_epoch, lr, optimizer) choosing Adam or plain SGD.
import numpy as np
import tensorflow as tf

from losses import bpr_loss


class BPR(object):
    def __init__(self, data, emb_dim, batch_size, lambda_u=0.001, lambda_v=0.001):
        self.data = data
        self.n_users, self.n_items = self.data.get_num_users_items()
        self.emb_dim = emb_dim
        self.batch_size = batch_size

        self.users = tf.placeholder(tf.int32, shape=(self.batch_size,))
        self.pos_items = tf.placeholder(tf.int32, shape=(self.batch_size,))
        self.neg_items = tf.placeholder(tf.int32, shape=(self.batch_size,))

        self.user_embeddings = tf.Variable(
            tf.random_normal([self.n_users, self.emb_dim], mean=0.01, stddev=0.02), name='user_embeddings')
        self.item_embeddings = tf.Variable(
            tf.random_normal([self.n_items, self.emb_dim], mean=0.01, stddev=0.02), name='item_embeddings')

        self.u_embeddings = tf.gather(self.user_embeddings, self.users)
        self.pos_item_embeddings = tf.gather(self.item_embeddings, self.pos_items)
        self.neg_item_embeddings = tf.gather(self.item_embeddings, self.neg_items)
        self.all_ratings = tf.matmul(self.u_embeddings, self.item_embeddings, transpose_b=True)

        self.loss = bpr_loss(self.u_embeddings, self.pos_item_embeddings, self.neg_item_embeddings,
                             lambda_u, lambda_v)
        self.params = [self.user_embeddings, self.item_embeddings]

    def train(self, n_epoch, lr, optimizer):
        assert optimizer in {'Adam', 'SGD'}
        if optimizer == 'Adam':
            self.opt = tf.train.AdamOptimizer(lr)
        if optimizer == 'SGD':
            self.opt = tf.train.GradientDescentOptimizer(lr)
        self.updates = self.opt.minimize(self.loss, var_list=self.params)

        config = tf.ConfigProto()
        config.gpu_options.allow_growth = True
        self.sess = tf.Session(config=config)
        self.sess.run(tf.global_variables_initializer())
        for epoch in range(n_epoch):
            users, pos_items, neg_items = self.data.sample_pairs(self.batch_size)
            _, loss = self.sess.run([self.updates, self.loss],
                                    feed_dict={self.users: users, self.pos_items: pos_items,
                                               self.neg_items: neg_items})
            print('\rEpoch %d training loss %f' % (epoch, loss), end='')

    def predict(self, user_batch):
        ratings = self.sess.run(self.all_ratings, {self.users: user_batch})
        return np.argsort(-ratings, axis=1)[:, :3]
