# Idiom seen in: rxlqn/Parcel-singulation log.md
# What it reproduces: TF1 DDPG critic as in the paper: L2 weight decay 1e-2 on the critic's weights,
#   added to the TD loss that AdamOptimizer minimizes; the actor has no decay. Clean.
import tensorflow as tf

LR_C = 0.001
GAMMA = 0.99
L2_C = 0.01


class Critic(object):
    def __init__(self, sess, s_dim, a_dim, S, S_, R, a, a_):
        self.sess = sess
        with tf.variable_scope('Critic'):
            self.q = self._build_net(S, a, 'eval_net', trainable=True)
            q_ = self._build_net(S_, a_, 'target_net', trainable=False)
        self.e_params = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope='Critic/eval_net')
        self.t_params = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope='Critic/target_net')

        with tf.variable_scope('target_q'):
            self.target_q = R + GAMMA * q_
        with tf.variable_scope('TD_error'):
            td = tf.reduce_mean(tf.squared_difference(self.target_q, self.q))
            weight_decay = tf.add_n([L2_C * tf.nn.l2_loss(v) for v in self.e_params if 'bias' not in v.name])
            self.loss = td + weight_decay
        with tf.variable_scope('C_train'):
            self.train_op = tf.train.AdamOptimizer(LR_C).minimize(self.loss, var_list=self.e_params)
        with tf.variable_scope('a_grad'):
            self.a_grads = tf.gradients(self.q, a)[0]

    def _build_net(self, s, a, scope, trainable):
        with tf.variable_scope(scope):
            init = tf.random_uniform_initializer(-0.003, 0.003)
            l1 = tf.layers.dense(s, 400, activation=tf.nn.relu, name='l1', trainable=trainable)
            w2_s = tf.get_variable('w2_s', [400, 300], trainable=trainable)
            w2_a = tf.get_variable('w2_a', [a.get_shape()[1], 300], trainable=trainable)
            b2 = tf.get_variable('bias2', [1, 300], trainable=trainable)
            net = tf.nn.relu(tf.matmul(l1, w2_s) + tf.matmul(a, w2_a) + b2)
            return tf.layers.dense(net, 1, kernel_initializer=init, name='q', trainable=trainable)

    def learn(self, feed):
        return self.sess.run([self.train_op, self.loss], feed_dict=feed)
