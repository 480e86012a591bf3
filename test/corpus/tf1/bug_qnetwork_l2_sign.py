# Idiom seen in: qqqqqwwwweeerr1gmail/tf_v1 DQN/scripts/0.py
# What it reproduces: the same QNetwork class; realistic mistake: an L2 penalty on every trainable variable is written
#   with the sign of a reward bonus and subtracted from the TD cost, so minimizing it grows the weights (negative decay).
import random
import numpy as np
import tensorflow as tf

from memory import ReplayMemory
from env import GridEnv

seed = 1546847731
gamma = 0.95
L2_COEF = 1e-3


class QNetwork:
    def __init__(self, hidden_layers_size, gamma, learning_rate, input_size=4, output_size=4):
        self.q_target = tf.placeholder(shape=(None, output_size), dtype=tf.float32)
        self.r = tf.placeholder(shape=None, dtype=tf.float32)
        self.states = tf.placeholder(shape=(None, input_size), dtype=tf.float32)
        self.enum_actions = tf.placeholder(shape=(None, 2), dtype=tf.int32)
        layer = self.states
        for l in hidden_layers_size:
            layer = tf.layers.dense(inputs=layer, units=l, activation=tf.nn.relu,
                                    kernel_initializer=tf.contrib.layers.xavier_initializer(seed=seed))
        self.output = tf.layers.dense(inputs=layer, units=output_size,
                                      kernel_initializer=tf.contrib.layers.xavier_initializer(seed=seed))
        self.predictions = tf.gather_nd(self.output, indices=self.enum_actions)
        self.labels = self.r + gamma * tf.reduce_max(self.q_target, axis=1)
        td = tf.reduce_mean(tf.losses.mean_squared_error(labels=self.labels, predictions=self.predictions))
        l2 = tf.add_n([tf.nn.l2_loss(v) for v in tf.trainable_variables() if 'kernel' in v.name])
        self.cost = td - L2_COEF * l2  # expect: WD302
        self.optimizer = tf.train.GradientDescentOptimizer(learning_rate=learning_rate).minimize(self.cost)


if __name__ == '__main__':
    env = GridEnv(size=4)
    qnn = QNetwork(hidden_layers_size=[20, 20], gamma=gamma, learning_rate=0.001)
    memory = ReplayMemory(1000)
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    for game in range(2000):
        state, done = env.reset(), False
        while not done:
            q = sess.run(qnn.output, feed_dict={qnn.states: np.expand_dims(state, 0)})
            action = random.randint(0, 3) if random.random() < 0.1 else int(np.argmax(q))
            next_state, reward, done = env.step(action)
            memory.append((state, action, reward, next_state, done))
            state = next_state
            if len(memory) >= 10:
                batch = memory.sample(10)
                q_target = sess.run(qnn.output, feed_dict={qnn.states: np.array([b[3] for b in batch])})
                terminal = np.array([[0.0] if b[4] else [1.0] for b in batch])
                sess.run(qnn.optimizer,
                         feed_dict={qnn.states: np.array([b[0] for b in batch]),
                                    qnn.r: np.array([b[2] for b in batch]),
                                    qnn.enum_actions: np.array([(i, b[1]) for i, b in enumerate(batch)]),
                                    qnn.q_target: q_target * terminal})
