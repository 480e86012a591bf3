# Idiom seen in: rxlqn/Parcel-singulation log.md
# What it reproduces: TF1 DDPG agent (actor/critic built with tf.layers and tf.get_variable in variable
#   scopes, soft target replacement). The critic's L2 is added correctly; realistic sign slip on the
#   actor: "maximize Q minus the penalty" was written as -mean(Q) - L2_A * l2, so the actor's weights are
#   pushed to grow instead of shrink.
import numpy as np
import tensorflow as tf

LR_A = 0.0001
LR_C = 0.001
GAMMA = 0.99
TAU = 0.001
L2_A = 1e-4
L2_C = 1e-2
MEMORY_CAPACITY = 100000
BATCH_SIZE = 64


class DDPG(object):
    def __init__(self, a_dim, s_dim, a_bound):
        self.memory = np.zeros((MEMORY_CAPACITY, s_dim * 2 + a_dim + 1), dtype=np.float32)
        self.pointer = 0
        self.sess = tf.Session()
        self.a_dim, self.s_dim, self.a_bound = a_dim, s_dim, a_bound
        self.S = tf.placeholder(tf.float32, [None, s_dim], 's')
        self.S_ = tf.placeholder(tf.float32, [None, s_dim], 's_')
        self.R = tf.placeholder(tf.float32, [None, 1], 'r')

        with tf.variable_scope('Actor'):
            self.a = self._build_a(self.S, scope='eval', trainable=True)
            a_ = self._build_a(self.S_, scope='target', trainable=False)
        with tf.variable_scope('Critic'):
            q = self._build_c(self.S, self.a, scope='eval', trainable=True)
            q_ = self._build_c(self.S_, a_, scope='target', trainable=False)

        self.ae_params = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope='Actor/eval')
        self.at_params = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope='Actor/target')
        self.ce_params = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope='Critic/eval')
        self.ct_params = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope='Critic/target')
        self.soft_replace = [tf.assign(t, (1 - TAU) * t + TAU * e)
                             for t, e in zip(self.at_params + self.ct_params, self.ae_params + self.ce_params)]

        q_target = self.R + GAMMA * q_
        critic_l2 = tf.add_n([tf.nn.l2_loss(v) for v in self.ce_params if 'kernel' in v.name or 'w2' in v.name])
        td_error = tf.losses.mean_squared_error(labels=q_target, predictions=q) + L2_C * critic_l2
        self.ctrain = tf.train.AdamOptimizer(LR_C).minimize(td_error, var_list=self.ce_params)

        actor_l2 = tf.add_n([tf.nn.l2_loss(v) for v in self.ae_params if 'kernel' in v.name])
        a_loss = -tf.reduce_mean(q) - L2_A * actor_l2  # expect: WD302
        self.atrain = tf.train.AdamOptimizer(LR_A).minimize(a_loss, var_list=self.ae_params)
        self.sess.run(tf.global_variables_initializer())

    def choose_action(self, s):
        return self.sess.run(self.a, {self.S: s[np.newaxis, :]})[0]

    def learn(self):
        self.sess.run(self.soft_replace)
        idx = np.random.choice(min(self.pointer, MEMORY_CAPACITY), size=BATCH_SIZE)
        bt = self.memory[idx, :]
        bs = bt[:, :self.s_dim]
        ba = bt[:, self.s_dim: self.s_dim + self.a_dim]
        br = bt[:, -self.s_dim - 1: -self.s_dim]
        bs_ = bt[:, -self.s_dim:]
        self.sess.run(self.atrain, {self.S: bs})
        self.sess.run(self.ctrain, {self.S: bs, self.a: ba, self.R: br, self.S_: bs_})

    def store_transition(self, s, a, r, s_):
        self.memory[self.pointer % MEMORY_CAPACITY, :] = np.hstack((s, a, [r], s_))
        self.pointer += 1

    def _build_a(self, s, scope, trainable):
        with tf.variable_scope(scope):
            net1 = tf.layers.dense(s, 400, activation=tf.nn.relu, name='l1', trainable=trainable)
            net2 = tf.layers.dense(net1, 300, activation=tf.nn.relu, name='l2', trainable=trainable)
            a = tf.layers.dense(net2, self.a_dim, activation=tf.nn.tanh, name='a', trainable=trainable)
            return tf.multiply(a, self.a_bound, name='scaled_a')

    def _build_c(self, s, a, scope, trainable):
        with tf.variable_scope(scope):
            l1 = tf.layers.dense(s, 400, activation=tf.nn.relu, name='l1', trainable=trainable)
            w2_s = tf.get_variable('w2_s', [400, 300], trainable=trainable)
            w2_a = tf.get_variable('w2_a', [self.a_dim, 300], trainable=trainable)
            b2 = tf.get_variable('b2', [1, 300], trainable=trainable)
            net = tf.nn.relu(tf.matmul(l1, w2_s) + tf.matmul(a, w2_a) + b2)
            return tf.layers.dense(net, 1, trainable=trainable)
