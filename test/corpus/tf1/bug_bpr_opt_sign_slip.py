# Idiom seen in: MLBible/rec-sys bpr/index.md
# What it reproduces: BPR-MF in TF1 graph mode, with the objective transcribed from the paper's BPR-OPT,
# sum ln sigma(x_uij) - lambda * ||Theta||^2. The log-likelihood is negated into a loss but the prior term keeps its
# minus sign, so the L2 term is subtracted from the minimized loss: a negative decay that grows the embeddings
# (a realistic transcription slip, not code of that page).
import argparse

import numpy as np
import tensorflow as tf

from sampler import TripletSampler

parser = argparse.ArgumentParser()
parser.add_argument('--train_file', default='data/ml-1m/train_users.dat')
parser.add_argument('--emb_dim', type=int, default=64)
parser.add_argument('--batch_size', type=int, default=1024)
parser.add_argument('--lr', type=float, default=0.05)
parser.add_argument('--lambda_theta', type=float, default=0.01)
parser.add_argument('--epochs', type=int, default=50)
args = parser.parse_args()


class BPR(object):

    def __init__(self, n_users, n_items, emb_dim, lambda_theta, lr):
        self.u = tf.placeholder(tf.int32, [None], name='u')
        self.i = tf.placeholder(tf.int32, [None], name='i')
        self.j = tf.placeholder(tf.int32, [None], name='j')

        init = tf.random_normal_initializer(stddev=0.01)
        self.user_emb_w = tf.get_variable('user_emb_w', [n_users, emb_dim], initializer=init)
        self.item_emb_w = tf.get_variable('item_emb_w', [n_items, emb_dim], initializer=init)
        self.item_b = tf.get_variable('item_b', [n_items], initializer=tf.zeros_initializer())

        u_emb = tf.nn.embedding_lookup(self.user_emb_w, self.u)
        i_emb = tf.nn.embedding_lookup(self.item_emb_w, self.i)
        j_emb = tf.nn.embedding_lookup(self.item_emb_w, self.j)
        i_b = tf.gather(self.item_b, self.i)
        j_b = tf.gather(self.item_b, self.j)

        x_uij = i_b - j_b + tf.reduce_sum(u_emb * (i_emb - j_emb), axis=1)
        self.auc = tf.reduce_mean(tf.to_float(x_uij > 0))

        l2_norm = tf.add_n([tf.reduce_sum(tf.square(u_emb)),
                            tf.reduce_sum(tf.square(i_emb)),
                            tf.reduce_sum(tf.square(j_emb))])
        # BPR-OPT = sum ln sigma(x_uij) - lambda_theta * ||Theta||^2
        self.bprloss = -tf.reduce_mean(tf.log_sigmoid(x_uij)) - lambda_theta * l2_norm  # expect: WD302
        self.train_op = tf.train.GradientDescentOptimizer(lr).minimize(self.bprloss)


def main():
    sampler = TripletSampler(args.train_file, batch_size=args.batch_size)
    model = BPR(sampler.n_users, sampler.n_items, args.emb_dim, args.lambda_theta, args.lr)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for epoch in range(args.epochs):
            losses, aucs = [], []
            for u, i, j in sampler.epoch():
                _, l, a = sess.run([model.train_op, model.bprloss, model.auc],
                                   feed_dict={model.u: u, model.i: i, model.j: j})
                losses.append(l)
                aucs.append(a)
            print('epoch %d  bpr_loss %.4f  train_auc %.4f' % (epoch, np.mean(losses), np.mean(aucs)))


if __name__ == '__main__':
    main()
