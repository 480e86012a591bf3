# Idiom seen in: hwwang55/RippleNet src/KVRec/kv_rec.py
# What it reproduces: the key-value memory recommender's loss_layer: kg_loss is a score to maximize,
#   so it is negated on its own line; the embedding L2 term (reg_emb * squared entity/relation
#   embeddings) is then subtracted as well, turning the decay into growth (a sign slip; the repo adds it).
import tensorflow as tf
import utils


class Config(object):
    n_entity = 182011
    n_relation = 12
    n_entity_emb = 16
    n_relation_emb = 16
    n_memory = 32
    n_hops = 2
    lr = 0.005
    reg_kg = 0.01
    reg_emb = 1e-5
    update_rule = "adam"
    dtype = tf.float32
    model_log = './log_kv'


class KVMemoryNetwork(object):
    def __init__(self, config):
        self.n_entity = config.n_entity
        self.n_relation = config.n_relation
        self.n_entity_emb = config.n_entity_emb
        self.n_relation_emb = config.n_relation_emb
        self.n_memory = config.n_memory
        self.n_hops = config.n_hops
        self.lr = config.lr
        self.reg_kg = config.reg_kg
        self.reg_emb = config.reg_emb
        self.update_rule = config.update_rule
        self.dtype = config.dtype
        self.build_model()

    def build_inputs(self):
        with tf.name_scope("input"):
            self.item = tf.placeholder(dtype=tf.int32, shape=[None], name="item")
            self.label = tf.placeholder(dtype=self.dtype, shape=[None], name="label")
            self.mem_h, self.mem_r, self.mem_t, self.mem_mask = [], [], [], []
            for hop in range(self.n_hops):
                self.mem_h.append(tf.placeholder(tf.int32, [None, self.n_memory], name="memory_head_%d" % hop))
                self.mem_r.append(tf.placeholder(tf.int32, [None, self.n_memory], name="memory_relation_%d" % hop))
                self.mem_t.append(tf.placeholder(tf.int32, [None, self.n_memory], name="memory_tail_%d" % hop))
                self.mem_mask.append(tf.placeholder(self.dtype, [None, self.n_memory], name="memory_mask_%d" % hop))

    def build_embeddings(self):
        with tf.name_scope("embedding"):
            self.entity_embedding = tf.get_variable(name="entity", dtype=self.dtype,
                                                    shape=[self.n_entity, self.n_entity_emb],
                                                    initializer=tf.contrib.layers.xavier_initializer())
            self.relation_embedding = tf.get_variable(name="relation", dtype=self.dtype,
                                                      shape=[self.n_relation, self.n_relation_emb, self.n_relation_emb],
                                                      initializer=tf.contrib.layers.xavier_initializer())

    def build_model(self):
        self.build_inputs()
        self.build_embeddings()
        item_emb = tf.nn.embedding_lookup(self.entity_embedding, self.item)
        h_emb_hops, r_emb_hops, t_emb_hops = [], [], []
        for i in range(self.n_hops):
            h_emb_hops.append(tf.nn.embedding_lookup(self.entity_embedding, self.mem_h[i]))
            r_emb_hops.append(tf.nn.embedding_lookup(self.relation_embedding, self.mem_r[i]))
            t_emb_hops.append(tf.nn.embedding_lookup(self.entity_embedding, self.mem_t[i]))
        o = item_emb
        for hop in range(self.n_hops):
            Rh = tf.squeeze(tf.matmul(r_emb_hops[hop], tf.expand_dims(h_emb_hops[hop], axis=3)), axis=3)
            probs = tf.nn.softmax(tf.reduce_sum(Rh * tf.expand_dims(o, axis=1), axis=2))
            o = o + tf.reduce_sum(t_emb_hops[hop] * tf.expand_dims(probs, axis=2), axis=1)
        logits = tf.reduce_sum(item_emb * o, axis=1)
        self.probs = tf.sigmoid(logits)
        self.loss_layer(logits, h_emb_hops, t_emb_hops, r_emb_hops)
        self.optimizer_layer()
        self.saver = tf.train.Saver()
        self.sess = tf.Session()

    def loss_layer(self, logits, h_emb_hops, t_emb_hops, r_emb_hops):
        xe_loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=self.label, logits=logits))
        score_sum = 0
        for hop in range(self.n_hops):
            expand_h = tf.expand_dims(h_emb_hops[hop], axis=2)
            expand_t = tf.expand_dims(t_emb_hops[hop], axis=3)
            hRt = tf.squeeze(tf.matmul(tf.matmul(expand_h, r_emb_hops[hop]), expand_t))
            zero_mask = (self.mem_mask[hop] + 1e6) / 1e6
            score_sum += tf.reduce_mean(tf.sigmoid(hRt) * zero_mask, axis=[0, 1])
        kg_loss = - self.reg_kg * score_sum
        emb_reg_loss = 0
        for hop in range(self.n_hops):
            zero_mask = (self.mem_mask[hop] + 1e6) / 1e6
            emb_reg_loss += tf.reduce_mean(tf.reduce_sum(h_emb_hops[hop] * h_emb_hops[hop], axis=2) * zero_mask, axis=[0, 1])
            emb_reg_loss += tf.reduce_mean(tf.reduce_sum(t_emb_hops[hop] * t_emb_hops[hop], axis=2) * zero_mask, axis=[0, 1])
            emb_reg_loss += tf.reduce_mean(tf.reduce_sum(r_emb_hops[hop] * r_emb_hops[hop], axis=[2, 3]) * zero_mask, axis=[0, 1])
        emb_reg_loss = self.reg_emb * emb_reg_loss
        self.loss = xe_loss + kg_loss - emb_reg_loss  # expect: WD302

    def optimizer_layer(self):
        if self.update_rule == "adam":
            optimizer = tf.train.AdamOptimizer
        elif self.update_rule == "sgd":
            optimizer = tf.train.GradientDescentOptimizer
        else:
            optimizer = tf.train.RMSPropOptimizer
        optimizer_op = optimizer(learning_rate=self.lr)
        gradients, variables = zip(*optimizer_op.compute_gradients(self.loss))
        self.train_op = optimizer_op.apply_gradients(zip(gradients, variables))

    def train(self, train_batches, n_epoch):
        self.sess.run(tf.global_variables_initializer())
        for epoch in range(n_epoch):
            for feed in train_batches(self):
                _, loss = self.sess.run([self.train_op, self.loss], feed_dict=feed)
            print("epoch %d loss %.4f" % (epoch, loss))


if __name__ == '__main__':
    config = Config()
    model = KVMemoryNetwork(config)
    model.train(utils.batch_feeds, n_epoch=20)
