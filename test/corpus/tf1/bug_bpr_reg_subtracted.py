# Idiom seen in: wuga214/NCE_Projected_LRec utils/regularizers.py
# What it reproduces: a TF1 BPR matrix-factorization recommender whose optimizer is picked by name from a dict of
#   tf.train optimizers. BPR maximizes log sigmoid(x_uij) - lam*||theta||^2; when writing the minimized loss the
#   user negated only the likelihood and subtracted the penalty, so the embeddings are pushed to grow (WD302).
import argparse

import numpy as np
import tensorflow as tf

from utils.progress import WorkSplitter  # logging helper, not in this file

Optimizer = {
    "Adam": tf.train.AdamOptimizer,
    "RMSProp": tf.train.RMSPropOptimizer,
    "SGD": tf.train.GradientDescentOptimizer,
}


class BPR(object):
    def __init__(self, num_users, num_items, embed_dim, lamb=0.01, learning_rate=1e-3,
                 optimizer="SGD"):
        self.user_idx = tf.placeholder(tf.int32, [None])
        self.pos_idx = tf.placeholder(tf.int32, [None])
        self.neg_idx = tf.placeholder(tf.int32, [None])

        self.user_embeddings = tf.Variable(tf.random_normal([num_users, embed_dim], stddev=0.01))
        self.item_embeddings = tf.Variable(tf.random_normal([num_items, embed_dim], stddev=0.01))

        users = tf.nn.embedding_lookup(self.user_embeddings, self.user_idx)
        pos = tf.nn.embedding_lookup(self.item_embeddings, self.pos_idx)
        neg = tf.nn.embedding_lookup(self.item_embeddings, self.neg_idx)
        x_uij = tf.reduce_sum(users * (pos - neg), axis=1)

        l2 = tf.nn.l2_loss(self.user_embeddings) + tf.nn.l2_loss(self.item_embeddings)
        self.loss = -tf.reduce_mean(tf.log_sigmoid(x_uij)) - lamb * l2  # expect: WD302
        self.train_op = Optimizer[optimizer](learning_rate=learning_rate).minimize(self.loss)


def sample_triplets(matrix, batch_size):
    users, items = matrix.nonzero()
    idx = np.random.randint(len(users), size=batch_size)
    neg = np.random.randint(matrix.shape[1], size=batch_size)
    return users[idx], items[idx], neg


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--rank', type=int, default=100)
    parser.add_argument('--lamb', type=float, default=0.01)
    parser.add_argument('--lr', type=float, default=0.05)
    parser.add_argument('--epochs', type=int, default=30)
    parser.add_argument('--data', default='data/movielens1m/Rtrain.npz')
    args = parser.parse_args()

    from scipy.sparse import load_npz
    matrix = load_npz(args.data).tocsr()
    model = BPR(matrix.shape[0], matrix.shape[1], args.rank, lamb=args.lamb, learning_rate=args.lr)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for epoch in range(args.epochs):
            for _ in range(matrix.nnz // 1000):
                u, i, j = sample_triplets(matrix, 1000)
                _, loss = sess.run([model.train_op, model.loss],
                                   feed_dict={model.user_idx: u, model.pos_idx: i, model.neg_idx: j})
            print('epoch {} loss {:.4f}'.format(epoch, loss))


if __name__ == '__main__':
    main()
