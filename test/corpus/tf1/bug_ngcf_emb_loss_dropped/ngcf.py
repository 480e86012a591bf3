# Idiom seen in: xiangwang1223/neural_graph_collaborative_filtering NGCF/NGCF.py (create_bpr_loss returns
#   mf_loss, emb_loss, reg_loss; reg_loss is a constant-zero placeholder)
# What it reproduces: a TF1 graph-collaborative-filtering model class. create_bpr_loss computes the BPR loss,
#   the embedding decay emb_loss = decay * l2(batch embeddings) / batch_size, and a reg_loss that is only a
#   zero placeholder. This fork builds self.loss = mf_loss + reg_loss, taking the placeholder for "the
#   regularizer": emb_loss is still computed and printed by train_ngcf.py, but never minimized.
# label-note: WD104 on the emb_loss line (the decay term that is discarded); the l2_loss sum on the line
#   above only feeds it. Adam has no weight decay of its own, so nothing else to label.
import tensorflow as tf


class NGCF(object):
    def __init__(self, data_config, args):
        self.n_users = data_config['n_users']
        self.n_items = data_config['n_items']
        self.norm_adj = data_config['norm_adj']
        self.lr = args.lr
        self.emb_dim = args.embed_size
        self.batch_size = args.batch_size
        self.weight_size = eval(args.layer_size)
        self.n_layers = len(self.weight_size)
        self.regs = eval(args.regs)
        self.decay = self.regs[0]

        self.users = tf.placeholder(tf.int32, shape=(None,))
        self.pos_items = tf.placeholder(tf.int32, shape=(None,))
        self.neg_items = tf.placeholder(tf.int32, shape=(None,))
        self.mess_dropout = tf.placeholder(tf.float32, shape=[None])

        self.weights = self._init_weights()
        self.ua_embeddings, self.ia_embeddings = self._create_ngcf_embed()

        u_e = tf.nn.embedding_lookup(self.ua_embeddings, self.users)
        pos_e = tf.nn.embedding_lookup(self.ia_embeddings, self.pos_items)
        neg_e = tf.nn.embedding_lookup(self.ia_embeddings, self.neg_items)
        self.batch_ratings = tf.matmul(u_e, pos_e, transpose_b=True)

        self.mf_loss, self.emb_loss, self.reg_loss = self.create_bpr_loss(u_e, pos_e, neg_e)
        # reg_loss carries the regularization term
        self.loss = self.mf_loss + self.reg_loss
        self.opt = tf.train.AdamOptimizer(learning_rate=self.lr).minimize(self.loss)

    def _init_weights(self):
        init = tf.contrib.layers.xavier_initializer()
        w = {'user_embedding': tf.Variable(init([self.n_users, self.emb_dim]), name='user_embedding'),
             'item_embedding': tf.Variable(init([self.n_items, self.emb_dim]), name='item_embedding')}
        sizes = [self.emb_dim] + self.weight_size
        for k in range(self.n_layers):
            w['W_gc_%d' % k] = tf.Variable(init([sizes[k], sizes[k + 1]]), name='W_gc_%d' % k)
            w['b_gc_%d' % k] = tf.Variable(init([1, sizes[k + 1]]), name='b_gc_%d' % k)
        return w

    def _create_ngcf_embed(self):
        A = tf.SparseTensor(*self.norm_adj)
        ego = tf.concat([self.weights['user_embedding'], self.weights['item_embedding']], axis=0)
        all_embeddings = [ego]
        for k in range(self.n_layers):
            side = tf.sparse_tensor_dense_matmul(A, ego)
            ego = tf.nn.leaky_relu(tf.matmul(side, self.weights['W_gc_%d' % k]) + self.weights['b_gc_%d' % k])
            ego = tf.nn.dropout(ego, 1 - self.mess_dropout[k])
            all_embeddings.append(tf.math.l2_normalize(ego, axis=1))
        all_embeddings = tf.concat(all_embeddings, 1)
        return tf.split(all_embeddings, [self.n_users, self.n_items], 0)

    def create_bpr_loss(self, users, pos_items, neg_items):
        pos_scores = tf.reduce_sum(tf.multiply(users, pos_items), axis=1)
        neg_scores = tf.reduce_sum(tf.multiply(users, neg_items), axis=1)
        regularizer = tf.nn.l2_loss(users) + tf.nn.l2_loss(pos_items) + tf.nn.l2_loss(neg_items)
        regularizer = regularizer / self.batch_size
        mf_loss = tf.negative(tf.reduce_mean(tf.log(tf.nn.sigmoid(pos_scores - neg_scores))))
        emb_loss = self.decay * regularizer  # expect: WD104
        reg_loss = tf.constant(0.0, tf.float32, [1])
        return mf_loss, emb_loss, reg_loss
