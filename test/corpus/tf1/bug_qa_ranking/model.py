# Idiom seen in: l11x0m7/Question_Answering_Models code/models.py (QACNN: tf.add_to_collection('total_loss', 0.5*l2_reg_lambda*tf.nn.l2_loss(W)), add_loss_op, add_train_op)
# What it reproduces: a pairwise answer-ranking CNN that puts its L2 terms into a custom 'total_loss' collection;
#   here add_loss_op adds tf.losses.get_regularization_loss() (REGULARIZATION_LOSSES, empty) instead of summing
#   'total_loss', so the collected L2 terms never reach the minimized loss (bug).
import tensorflow as tf


class QACNN(object):
    def __init__(self, config):
        self.config = config
        self.add_placeholders()
        q_embed, aplus_embed, aminus_embed = self.add_embeddings()
        self.h_q, self.h_ap, self.h_am = self.add_hl(q_embed, aplus_embed, aminus_embed)
        real_pool_q, real_pool_ap, real_pool_am = self.add_model(self.h_q, self.h_ap, self.h_am)
        self.q_ap_cosine, self.q_am_cosine = self.calc_cosine(real_pool_q, real_pool_ap, real_pool_am)
        self.total_loss, self.loss, self.accu = self.add_loss_op(self.q_ap_cosine, self.q_am_cosine)
        self.train_op = self.add_train_op(self.total_loss)

    def add_placeholders(self):
        self.q = tf.placeholder(tf.int32, shape=[None, self.config.max_q_length], name='Question')
        self.aplus = tf.placeholder(tf.int32, shape=[None, self.config.max_a_length], name='PosAns')
        self.aminus = tf.placeholder(tf.int32, shape=[None, self.config.max_a_length], name='NegAns')
        self.keep_prob = tf.placeholder(tf.float32, name='keep_prob')

    def add_embeddings(self):
        with tf.variable_scope('embedding'):
            embeddings = tf.Variable(self.config.embeddings, name="embeddings", trainable=False)
            lookup = lambda ids: tf.nn.dropout(tf.nn.embedding_lookup(embeddings, ids), keep_prob=self.keep_prob)
            return lookup(self.q), lookup(self.aplus), lookup(self.aminus)

    def add_hl(self, q_embed, aplus_embed, aminus_embed):
        with tf.variable_scope('HL'):
            W = tf.get_variable('weights', shape=[self.config.embedding_size, self.config.hidden_size],
                                initializer=tf.uniform_unit_scaling_initializer())
            b = tf.get_variable('biases', initializer=tf.constant(0.1, shape=[self.config.hidden_size]))
            project = lambda x, n: tf.reshape(
                tf.nn.tanh(tf.matmul(tf.reshape(x, [-1, self.config.embedding_size]), W) + b),
                [-1, n, self.config.hidden_size])
            tf.add_to_collection('total_loss', 0.5 * self.config.l2_reg_lambda * tf.nn.l2_loss(W))  # expect: WD101
            return (project(q_embed, self.config.max_q_length), project(aplus_embed, self.config.max_a_length),
                    project(aminus_embed, self.config.max_a_length))

    def add_model(self, h_q, h_ap, h_am):
        pools = {'q': [], 'ap': [], 'am': []}
        inputs = {'q': (h_q, self.config.max_q_length), 'ap': (h_ap, self.config.max_a_length),
                  'am': (h_am, self.config.max_a_length)}
        for filter_size in self.config.filter_sizes:
            with tf.variable_scope('filter{}'.format(filter_size)):
                shape = [filter_size, self.config.hidden_size, 1, self.config.num_filters]
                conv1_W = tf.get_variable('W_q', shape=shape, initializer=tf.truncated_normal_initializer(.0, .1))
                conv2_W = tf.get_variable('W_a', shape=shape, initializer=tf.truncated_normal_initializer(.0, .1))
                conv_b = tf.get_variable('conv_b', initializer=tf.constant(0.1, shape=[self.config.num_filters]))
                for key, (h, max_len) in inputs.items():
                    kernel = conv1_W if key == 'q' else conv2_W
                    h4 = tf.reshape(h, [-1, max_len, self.config.hidden_size, 1])
                    out = tf.nn.relu(tf.nn.conv2d(h4, kernel, [1, 1, 1, 1], padding='VALID') + conv_b)
                    out = tf.nn.max_pool(out, [1, max_len - filter_size + 1, 1, 1], [1, 1, 1, 1], padding='VALID')
                    pools[key].append(tf.nn.tanh(out))
                tf.add_to_collection('total_loss', 0.5 * self.config.l2_reg_lambda * tf.nn.l2_loss(conv1_W))  # expect: WD101
                tf.add_to_collection('total_loss', 0.5 * self.config.l2_reg_lambda * tf.nn.l2_loss(conv2_W))  # expect: WD101
        total_channels = len(self.config.filter_sizes) * self.config.num_filters
        return [tf.reshape(tf.concat(pools[k], 3), [-1, total_channels]) for k in ('q', 'ap', 'am')]

    def calc_cosine(self, real_pool_q, real_pool_ap, real_pool_am):
        q = tf.nn.l2_normalize(real_pool_q, dim=1)
        q_ap_cosine = tf.reduce_sum(tf.multiply(q, tf.nn.l2_normalize(real_pool_ap, dim=1)), 1)
        q_am_cosine = tf.reduce_sum(tf.multiply(q, tf.nn.l2_normalize(real_pool_am, dim=1)), 1)
        return q_ap_cosine, q_am_cosine

    def add_loss_op(self, q_ap_cosine, q_am_cosine):
        original_loss = self.config.m - q_ap_cosine + q_am_cosine
        l = tf.maximum(tf.zeros_like(original_loss), original_loss)
        loss = tf.reduce_sum(l)
        total_loss = loss + tf.losses.get_regularization_loss()
        accu = tf.reduce_mean(tf.cast(tf.equal(0., l), tf.float32))
        return total_loss, loss, accu

    def add_train_op(self, loss):
        with tf.name_scope('train_op'):
            self.global_step = tf.Variable(0, name='global_step', trainable=False)
            opt = tf.train.AdamOptimizer(self.config.lr)
            return opt.minimize(loss, self.global_step)
