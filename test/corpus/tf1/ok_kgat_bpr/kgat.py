# Idiom seen in: xiangwang1223/knowledge_graph_attention_network Model/KGAT.py
# What it reproduces: KGAT's two-phase recommender graph: phase I BPR loss plus regs[0] * l2 of the
#   batch's user/item embeddings / batch_size, phase II TransR loss plus regs[1] * its own l2 term;
#   each total is what its Adam minimizes. Clean.
import tensorflow as tf


class KGAT(object):
    def __init__(self, data_config, args):
        self.n_users = data_config['n_users']
        self.n_entities = data_config['n_entities']
        self.n_relations = data_config['n_relations']
        self.A_in = data_config['A_in']
        self.lr = args.lr
        self.emb_dim = args.embed_size
        self.kge_dim = args.kge_size
        self.batch_size = args.batch_size
        self.batch_size_kg = args.batch_size_kg
        self.weight_size = eval(args.layer_size)
        self.n_layers = len(self.weight_size)
        self.regs = eval(args.regs)

        self._build_inputs()
        self.weights = self._build_weights()
        self._build_model_phase_I()
        self._build_loss_phase_I()
        self._build_model_phase_II()
        self._build_loss_phase_II()

    def _build_inputs(self):
        self.users = tf.placeholder(tf.int32, shape=(None,))
        self.pos_items = tf.placeholder(tf.int32, shape=(None,))
        self.neg_items = tf.placeholder(tf.int32, shape=(None,))
        self.h = tf.placeholder(tf.int32, shape=[None], name='h')
        self.r = tf.placeholder(tf.int32, shape=[None], name='r')
        self.pos_t = tf.placeholder(tf.int32, shape=[None], name='pos_t')
        self.neg_t = tf.placeholder(tf.int32, shape=[None], name='neg_t')
        self.mess_dropout = tf.placeholder(tf.float32, shape=[None])

    def _build_weights(self):
        all_weights = dict()
        initializer = tf.contrib.layers.xavier_initializer()
        all_weights['user_embed'] = tf.Variable(initializer([self.n_users, self.emb_dim]), name='user_embed')
        all_weights['entity_embed'] = tf.Variable(initializer([self.n_entities, self.emb_dim]), name='entity_embed')
        all_weights['relation_embed'] = tf.Variable(initializer([self.n_relations, self.kge_dim]), name='relation_embed')
        all_weights['trans_W'] = tf.Variable(initializer([self.n_relations, self.emb_dim, self.kge_dim]))
        sizes = [self.emb_dim] + self.weight_size
        for k in range(self.n_layers):
            all_weights['W_gc_%d' % k] = tf.Variable(initializer([sizes[k], sizes[k + 1]]), name='W_gc_%d' % k)
            all_weights['b_gc_%d' % k] = tf.Variable(initializer([1, sizes[k + 1]]), name='b_gc_%d' % k)
        return all_weights

    def _build_model_phase_I(self):
        ego = tf.concat([self.weights['user_embed'], self.weights['entity_embed']], axis=0)
        all_embeddings = [ego]
        for k in range(self.n_layers):
            side = tf.sparse_tensor_dense_matmul(self.A_in, ego)
            ego = tf.nn.leaky_relu(tf.matmul(ego + side, self.weights['W_gc_%d' % k]) + self.weights['b_gc_%d' % k])
            ego = tf.nn.dropout(ego, 1 - self.mess_dropout[k])
            all_embeddings += [tf.math.l2_normalize(ego, axis=1)]
        all_embeddings = tf.concat(all_embeddings, 1)
        ua, ea = tf.split(all_embeddings, [self.n_users, self.n_entities], 0)
        self.u_e = tf.nn.embedding_lookup(ua, self.users)
        self.pos_i_e = tf.nn.embedding_lookup(ea, self.pos_items)
        self.neg_i_e = tf.nn.embedding_lookup(ea, self.neg_items)

    def _build_loss_phase_I(self):
        pos_scores = tf.reduce_sum(tf.multiply(self.u_e, self.pos_i_e), axis=1)
        neg_scores = tf.reduce_sum(tf.multiply(self.u_e, self.neg_i_e), axis=1)
        regularizer = tf.nn.l2_loss(self.u_e) + tf.nn.l2_loss(self.pos_i_e) + tf.nn.l2_loss(self.neg_i_e)
        regularizer = regularizer / self.batch_size

        self.base_loss = tf.reduce_mean(tf.nn.softplus(-(pos_scores - neg_scores)))
        self.reg_loss = self.regs[0] * regularizer
        self.loss = self.base_loss + self.reg_loss
        self.opt = tf.train.AdamOptimizer(learning_rate=self.lr).minimize(self.loss)

    def _build_model_phase_II(self):
        embeddings = tf.expand_dims(tf.concat([self.weights['user_embed'], self.weights['entity_embed']], axis=0), 1)
        trans_M = tf.nn.embedding_lookup(self.weights['trans_W'], self.r)
        self.h_e = tf.reshape(tf.matmul(tf.nn.embedding_lookup(embeddings, self.h), trans_M), [-1, self.kge_dim])
        self.pos_t_e = tf.reshape(tf.matmul(tf.nn.embedding_lookup(embeddings, self.pos_t), trans_M), [-1, self.kge_dim])
        self.neg_t_e = tf.reshape(tf.matmul(tf.nn.embedding_lookup(embeddings, self.neg_t), trans_M), [-1, self.kge_dim])
        self.r_e = tf.nn.embedding_lookup(self.weights['relation_embed'], self.r)

    def _build_loss_phase_II(self):
        def _get_kg_score(h_e, r_e, t_e):
            return tf.reduce_sum(tf.square(h_e + r_e - t_e), 1, keepdims=True)

        pos_kg_score = _get_kg_score(self.h_e, self.r_e, self.pos_t_e)
        neg_kg_score = _get_kg_score(self.h_e, self.r_e, self.neg_t_e)
        kg_loss = tf.reduce_mean(tf.nn.softplus(-(neg_kg_score - pos_kg_score)))
        kg_reg_loss = tf.nn.l2_loss(self.h_e) + tf.nn.l2_loss(self.r_e) + \
            tf.nn.l2_loss(self.pos_t_e) + tf.nn.l2_loss(self.neg_t_e)
        kg_reg_loss = kg_reg_loss / self.batch_size_kg

        self.kge_loss2 = kg_loss
        self.reg_loss2 = self.regs[1] * kg_reg_loss
        self.loss2 = self.kge_loss2 + self.reg_loss2
        self.opt2 = tf.train.AdamOptimizer(learning_rate=self.lr).minimize(self.loss2)

    def train(self, sess, feed_dict):
        return sess.run([self.opt, self.loss, self.base_loss, self.reg_loss], feed_dict)

    def train_A(self, sess, feed_dict):
        return sess.run([self.opt2, self.loss2, self.kge_loss2, self.reg_loss2], feed_dict)
