# Idiom seen in: silentobservers/Regularization-in-DQN CartPole/L2/RL_brain.py
# What it reproduces: the Morvan-style prioritized-replay DQN of that repo, whose L2 experiments show
#   `tf.add_to_collection('losses', l2_regularizer(...)(w))` and a commented-out
#   `total_loss = tf.add_n(tf.get_collection('losses'))`: the terms are collected while RMSProp minimizes
#   the bare TD loss, so the Q-network's weights are never decayed.
import numpy as np
import tensorflow as tf
from memory import Memory

L2_SCALE = 1e-4
lr = 0.00025


class DQNPrioritizedReplay:
    def __init__(self, n_actions, n_features, learning_rate=lr, reward_decay=0.99, e_greedy=1.0,
                 replace_target_iter=500, memory_size=10000, batch_size=32, e_greedy_increment=None,
                 prioritized=True, sess=None):
        self.n_actions = n_actions
        self.n_features = n_features
        self.lr = learning_rate
        self.gamma = reward_decay
        self.epsilon_max = e_greedy
        self.replace_target_iter = replace_target_iter
        self.memory_size = memory_size
        self.batch_size = batch_size
        self.epsilon_increment = e_greedy_increment
        self.epsilon = 0.
        self.prioritized = prioritized
        self.learn_step_counter = 1

        self._build_net()
        t_params = tf.get_collection('target_net_params')
        e_params = tf.get_collection('eval_net_params')
        self.replace_target_op = [tf.assign(t, e) for t, e in zip(t_params, e_params)]
        self.memory = Memory(capacity=memory_size)
        self.sess = sess if sess is not None else tf.Session()
        self.sess.run(tf.global_variables_initializer())
        self.cost_his = []

    def _build_net(self):
        def build_layers(s, c_names, n_l1, w_initializer, b_initializer, trainable):
            with tf.variable_scope('l1'):
                w1 = tf.get_variable('w1', [self.n_features, n_l1], initializer=w_initializer, collections=c_names, trainable=trainable)
                b1 = tf.get_variable('b1', [1, n_l1], initializer=b_initializer, collections=c_names, trainable=trainable)
                l1 = tf.nn.relu(tf.matmul(s, w1) + b1)
            with tf.variable_scope('l2'):
                w2 = tf.get_variable('w2', [n_l1, n_l1], initializer=w_initializer, collections=c_names, trainable=trainable)
                b2 = tf.get_variable('b2', [1, n_l1], initializer=b_initializer, collections=c_names, trainable=trainable)
                l2 = tf.nn.relu(tf.matmul(l1, w2) + b2)
            with tf.variable_scope('l3'):
                w3 = tf.get_variable('w3', [n_l1, self.n_actions], initializer=w_initializer, collections=c_names, trainable=trainable)
                b3 = tf.get_variable('b3', [1, self.n_actions], initializer=b_initializer, collections=c_names, trainable=trainable)
                out = tf.matmul(l2, w3) + b3
            if trainable:
                for w in (w1, w2, w3):
                    tf.add_to_collection('losses', tf.contrib.layers.l2_regularizer(L2_SCALE)(w))  # expect: WD101
            return out

        self.s = tf.placeholder(tf.float32, [None, self.n_features], name='s')
        self.q_target = tf.placeholder(tf.float32, [None, self.n_actions], name='Q_target')
        self.ISWeights = tf.placeholder(tf.float32, [None, 1], name='IS_weights')
        with tf.variable_scope('eval_net'):
            c_names = ['eval_net_params', tf.GraphKeys.GLOBAL_VARIABLES]
            self.q_eval = build_layers(self.s, c_names, 256, tf.contrib.layers.xavier_initializer(),
                                       tf.constant_initializer(0.), True)

        with tf.variable_scope('loss'):
            self.abs_errors = tf.reduce_sum(tf.abs(self.q_target - self.q_eval), axis=1)
            self.loss = tf.reduce_mean(self.ISWeights * tf.squared_difference(self.q_target, self.q_eval))
        with tf.variable_scope('train'):
            # self.total_loss = tf.add_n(tf.get_collection('losses'))
            self._train_op = tf.train.RMSPropOptimizer(self.lr).minimize(self.loss)

        self.s_ = tf.placeholder(tf.float32, [None, self.n_features], name='s_')
        with tf.variable_scope('target_net'):
            c_names = ['target_net_params', tf.GraphKeys.GLOBAL_VARIABLES]
            self.q_next = build_layers(self.s_, c_names, 256, tf.contrib.layers.xavier_initializer(),
                                       tf.constant_initializer(0.), False)

    def learn(self):
        if self.learn_step_counter % self.replace_target_iter == 0:
            self.sess.run(self.replace_target_op)
        tree_idx, batch_memory, ISWeights = self.memory.sample(self.batch_size)
        q_next, q_eval = self.sess.run([self.q_next, self.q_eval],
                                       feed_dict={self.s_: batch_memory[:, -self.n_features:],
                                                  self.s: batch_memory[:, :self.n_features]})
        q_target = q_eval.copy()
        batch_index = np.arange(self.batch_size, dtype=np.int32)
        eval_act_index = batch_memory[:, self.n_features].astype(int)
        reward = batch_memory[:, self.n_features + 1]
        q_target[batch_index, eval_act_index] = reward + self.gamma * np.max(q_next, axis=1)
        _, abs_errors, cost = self.sess.run([self._train_op, self.abs_errors, self.loss],
                                            feed_dict={self.s: batch_memory[:, :self.n_features],
                                                       self.q_target: q_target, self.ISWeights: ISWeights})
        self.memory.batch_update(tree_idx, abs_errors)
        self.cost_his.append(cost)
        self.epsilon = self.epsilon + self.epsilon_increment if self.epsilon < self.epsilon_max else self.epsilon_max
        self.learn_step_counter += 1
