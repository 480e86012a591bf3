# Idiom seen in: recohut/recohut _docs/_docs/sse-pt-on-ml-m-in-tensorflow-x.md
# What it reproduces: the SASRec/SSE-PT TF1 sequential recommender: user and item embedding tables made with
# tf.get_variable(..., regularizer=l2_regularizer(args.l2_emb)), a self-attention stack, and a loss that adds
# sum(tf.get_collection(REGULARIZATION_LOSSES)) before Adam minimizes it. Clean.
import argparse

import numpy as np
import tensorflow as tf

from modules import multihead_attention, feedforward, normalize
from sampler import WarpSampler
from util import data_partition

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', default='ml1m')
parser.add_argument('--batch_size', default=128, type=int)
parser.add_argument('--lr', default=0.001, type=float)
parser.add_argument('--maxlen', default=50, type=int)
parser.add_argument('--user_hidden_units', default=50, type=int)
parser.add_argument('--item_hidden_units', default=50, type=int)
parser.add_argument('--num_blocks', default=2, type=int)
parser.add_argument('--num_epochs', default=100, type=int)
parser.add_argument('--num_heads', default=1, type=int)
parser.add_argument('--dropout_rate', default=0.5, type=float)
parser.add_argument('--l2_emb', default=1e-4, type=float)
args = parser.parse_args()


def embedding(inputs, vocab_size, num_units, l2_reg, scope, reuse=None):
    with tf.variable_scope(scope, reuse=reuse):
        table = tf.get_variable('lookup_table', dtype=tf.float32, shape=[vocab_size, num_units],
                                regularizer=tf.contrib.layers.l2_regularizer(l2_reg))
        table = tf.concat((tf.zeros(shape=[1, num_units]), table[1:, :]), 0)
        return tf.nn.embedding_lookup(table, inputs), table


class Model(object):

    def __init__(self, usernum, itemnum, args):
        self.is_training = tf.placeholder(tf.bool, shape=())
        self.u = tf.placeholder(tf.int32, shape=(None,))
        self.input_seq = tf.placeholder(tf.int32, shape=(None, args.maxlen))
        self.pos = tf.placeholder(tf.int32, shape=(None, args.maxlen))
        self.neg = tf.placeholder(tf.int32, shape=(None, args.maxlen))
        mask = tf.expand_dims(tf.to_float(tf.not_equal(self.input_seq, 0)), -1)

        with tf.variable_scope('SSE-PT'):
            seq, item_table = embedding(self.input_seq, itemnum + 1, args.item_hidden_units, args.l2_emb,
                                        scope='input_embeddings')
            u_latent, _ = embedding(self.u[:, None], usernum + 1, args.user_hidden_units, args.l2_emb,
                                    scope='user_embeddings')
            seq = tf.concat([seq, tf.tile(u_latent, [1, args.maxlen, 1])], axis=2)
            seq = tf.layers.dropout(seq, rate=args.dropout_rate, training=tf.convert_to_tensor(self.is_training))
            seq *= mask
            for i in range(args.num_blocks):
                with tf.variable_scope('num_blocks_%d' % i):
                    seq = multihead_attention(queries=normalize(seq), keys=seq, num_heads=args.num_heads,
                                              dropout_rate=args.dropout_rate, is_training=self.is_training,
                                              causality=True, scope='self_attention')
                    seq = feedforward(normalize(seq), dropout_rate=args.dropout_rate, is_training=self.is_training)
                    seq *= mask
            seq = normalize(seq)

        hidden = args.item_hidden_units + args.user_hidden_units
        seq_emb = tf.reshape(seq, [-1, hidden])
        pos_emb = tf.nn.embedding_lookup(item_table, tf.reshape(self.pos, [-1]))
        neg_emb = tf.nn.embedding_lookup(item_table, tf.reshape(self.neg, [-1]))
        user_emb = tf.reshape(tf.tile(u_latent, [1, args.maxlen, 1]), [-1, args.user_hidden_units])
        pos_logits = tf.reduce_sum(tf.concat([pos_emb, user_emb], 1) * seq_emb, -1)
        neg_logits = tf.reduce_sum(tf.concat([neg_emb, user_emb], 1) * seq_emb, -1)

        istarget = tf.reshape(tf.to_float(tf.not_equal(self.pos, 0)), [-1])
        self.loss = tf.reduce_sum(
            -tf.log(tf.sigmoid(pos_logits) + 1e-24) * istarget
            - tf.log(1 - tf.sigmoid(neg_logits) + 1e-24) * istarget) / tf.reduce_sum(istarget)
        reg_losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
        self.loss += sum(reg_losses)

        self.global_step = tf.Variable(0, name='global_step', trainable=False)
        self.train_op = tf.train.AdamOptimizer(learning_rate=args.lr, beta2=0.98).minimize(
            self.loss, global_step=self.global_step)


def main():
    user_train, usernum, itemnum = data_partition(args.dataset)
    sampler = WarpSampler(user_train, usernum, itemnum, batch_size=args.batch_size, maxlen=args.maxlen)
    model = Model(usernum, itemnum, args)
    num_batch = len(user_train) // args.batch_size
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for epoch in range(1, args.num_epochs + 1):
            for _ in range(num_batch):
                u, seq, pos, neg = sampler.next_batch()
                loss, _ = sess.run([model.loss, model.train_op],
                                   {model.u: u, model.input_seq: seq, model.pos: pos, model.neg: neg,
                                    model.is_training: True})
            print('epoch %d loss %.4f' % (epoch, np.mean(loss)))
    sampler.close()


if __name__ == '__main__':
    main()
