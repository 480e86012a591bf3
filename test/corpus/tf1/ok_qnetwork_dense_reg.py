# Idiom seen in: qqqqqwwwweeerr1gmail/tf_v1 DQN/scripts/0.py
# What it reproduces: a small QNetwork class built with tf.layers.dense in a loop over hidden sizes; here the layers get
#   kernel_regularizer and the cost adds tf.losses.get_regularization_loss() before GradientDescent minimizes it. Clean.
import random
import numpy as np
import tensorflow as tf

from memory import ReplayMemory
from env import GridEnv

seed = 1546847731
gamma = 0.95
memory_size = 1000
batch_size = 10


class QNetwork:
    def __init__(self, hidden_layers_size, gamma, learning_rate, input_size=4, output_size=4, l2_scale=1e-4):
        self.q_target = tf.placeholder(shape=(None, output_size), dtype=tf.float32)
        self.r = tf.placeholder(shape=None, dtype=tf.float32)
        self.states = tf.placeholder(shape=(None, input_size), dtype=tf.float32)
        self.enum_actions = tf.placeholder(shape=(None, 2), dtype=tf.int32)
        reg = tf.contrib.layers.l2_regularizer(scale=l2_scale)
        layer = self.states
        for l in hidden_layers_size:
            layer = tf.layers.dense(inputs=layer, units=l, activation=tf.nn.relu,
                                    kernel_initializer=tf.contrib.layers.xavier_initializer(seed=seed),
                                    kernel_regularizer=reg)
        self.output = tf.layers.dense(inputs=layer, units=output_size,
                                      kernel_initializer=tf.contrib.layers.xavier_initializer(seed=seed),
                                      kernel_regularizer=reg)
        self.predictions = tf.gather_nd(self.output, indices=self.enum_actions)
        self.labels = self.r + gamma * tf.reduce_max(self.q_target, axis=1)
        self.td_cost = tf.reduce_mean(tf.losses.mean_squared_error(labels=self.labels, predictions=self.predictions))
        self.cost = self.td_cost + tf.losses.get_regularization_loss()
        self.optimizer = tf.train.GradientDescentOptimizer(learning_rate=learning_rate).minimize(self.cost)


if __name__ == '__main__':
    env = GridEnv(size=4)
    qnn = QNetwork(hidden_layers_size=[20, 20], gamma=gamma, learning_rate=0.001)
    memory = ReplayMemory(memory_size)
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    for game in range(2000):
        state = env.reset()
        done = False
        while not done:
            q = sess.run(qnn.output, feed_dict={qnn.states: np.expand_dims(state, 0)})
            action = random.randint(0, 3) if random.random() < 0.1 else int(np.argmax(q))
            next_state, reward, done = env.step(action)
            memory.append((state, action, reward, next_state, done))
            state = next_state
            if len(memory) >= batch_size:
                batch = memory.sample(batch_size)
                q_target = sess.run(qnn.output, feed_dict={qnn.states: np.array([b[3] for b in batch])})
                terminal = np.array([[0.0] if b[4] else [1.0] for b in batch])
                sess.run([qnn.cost, qnn.optimizer],
                         feed_dict={qnn.states: np.array([b[0] for b in batch]),
                                    qnn.r: np.array([b[2] for b in batch]),
                                    qnn.enum_actions: np.array([(i, b[1]) for i, b in enumerate(batch)]),
                                    qnn.q_target: q_target * terminal})
