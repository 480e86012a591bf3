# Idiom seen in: silentobservers/Regularization-in-DQN CartPole/L2/RL_brain.py
# What it reproduces: the same Morvan-style DQN with the L2 variant done right: the eval network's
#   tf.layers.dense kernels carry an l2 regularizer and the TD loss adds
#   tf.losses.get_regularization_loss(), which RMSProp minimizes; the target net has none. Clean.
import numpy as np
import tensorflow as tf

L2_SCALE = 1e-5


class DeepQNetwork:
    def __init__(self, n_actions, n_features, learning_rate=0.00025, reward_decay=0.99,
                 replace_target_iter=500, memory_size=10000, batch_size=32):
        self.n_actions = n_actions
        self.n_features = n_features
        self.lr = learning_rate
        self.gamma = reward_decay
        self.replace_target_iter = replace_target_iter
        self.memory_size = memory_size
        self.batch_size = batch_size
        self.memory = np.zeros((self.memory_size, n_features * 2 + 2))
        self.memory_counter = 0
        self.learn_step_counter = 0
        self._build_net()
        t_params = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope='target_net')
        e_params = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope='eval_net')
        self.replace_target_op = [tf.assign(t, e) for t, e in zip(t_params, e_params)]
        self.sess = tf.Session()
        self.sess.run(tf.global_variables_initializer())

    def _build_net(self):
        self.s = tf.placeholder(tf.float32, [None, self.n_features], name='s')
        self.s_ = tf.placeholder(tf.float32, [None, self.n_features], name='s_')
        self.q_target = tf.placeholder(tf.float32, [None, self.n_actions], name='Q_target')
        w_initializer = tf.contrib.layers.xavier_initializer()
        reg = tf.contrib.layers.l2_regularizer(L2_SCALE)

        with tf.variable_scope('eval_net'):
            e1 = tf.layers.dense(self.s, 256, tf.nn.relu, kernel_initializer=w_initializer, kernel_regularizer=reg, name='e1')
            e2 = tf.layers.dense(e1, 256, tf.nn.relu, kernel_initializer=w_initializer, kernel_regularizer=reg, name='e2')
            self.q_eval = tf.layers.dense(e2, self.n_actions, kernel_initializer=w_initializer, kernel_regularizer=reg, name='q')

        with tf.variable_scope('target_net'):
            t1 = tf.layers.dense(self.s_, 256, tf.nn.relu, kernel_initializer=w_initializer, trainable=False, name='t1')
            t2 = tf.layers.dense(t1, 256, tf.nn.relu, kernel_initializer=w_initializer, trainable=False, name='t2')
            self.q_next = tf.layers.dense(t2, self.n_actions, kernel_initializer=w_initializer, trainable=False, name='t3')

        with tf.variable_scope('loss'):
            td_loss = tf.reduce_mean(tf.squared_difference(self.q_target, self.q_eval))
            self.loss = td_loss + tf.losses.get_regularization_loss()
        with tf.variable_scope('train'):
            self._train_op = tf.train.RMSPropOptimizer(self.lr).minimize(self.loss)

    def store_transition(self, s, a, r, s_):
        index = self.memory_counter % self.memory_size
        self.memory[index, :] = np.hstack((s, [a, r], s_))
        self.memory_counter += 1

    def learn(self):
        if self.learn_step_counter % self.replace_target_iter == 0:
            self.sess.run(self.replace_target_op)
        sample_index = np.random.choice(min(self.memory_counter, self.memory_size), size=self.batch_size)
        batch_memory = self.memory[sample_index, :]
        q_next, q_eval = self.sess.run([self.q_next, self.q_eval],
                                       feed_dict={self.s_: batch_memory[:, -self.n_features:],
                                                  self.s: batch_memory[:, :self.n_features]})
        q_target = q_eval.copy()
        batch_index = np.arange(self.batch_size, dtype=np.int32)
        eval_act_index = batch_memory[:, self.n_features].astype(int)
        reward = batch_memory[:, self.n_features + 1]
        q_target[batch_index, eval_act_index] = reward + self.gamma * np.max(q_next, axis=1)
        _, cost = self.sess.run([self._train_op, self.loss],
                                feed_dict={self.s: batch_memory[:, :self.n_features], self.q_target: q_target})
        self.learn_step_counter += 1
        return cost


if __name__ == '__main__':
    import gym
    env = gym.make('CartPole-v0').unwrapped
    agent = DeepQNetwork(n_actions=env.action_space.n, n_features=env.observation_space.shape[0])
    for episode in range(300):
        observation = env.reset()
        while True:
            action = np.random.randint(0, env.action_space.n)
            observation_, reward, done, info = env.step(action)
            agent.store_transition(observation, action, reward, observation_)
            if agent.memory_counter > 1000:
                agent.learn()
            if done:
                break
            observation = observation_
