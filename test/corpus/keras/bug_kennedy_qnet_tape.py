# Idiom seen in: matibilkis/deeper ccc.py
# Idiom seen in: matibilkis/deeper DDQN_two_layers.py
# What it reproduces: the Kennedy-receiver Q-network (subclassed Dense stack with kernel and activity regularizers on
#   every layer) fitted to target Q-values in a hand-written GradientTape loop; a user mistake in this idiom (the
#   notebook variants also train with fit): the MSE in the tape leaves out model.losses, so no regularizer acts.
import random

import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense

import basics

basic = basics.Basics()
basic.define_actions()


class Q2(tf.keras.Model):
    def __init__(self, valreg=0.01, seed_val=0.1):
        super(Q2, self).__init__()
        init = tf.random_uniform_initializer(minval=-seed_val, maxval=seed_val)
        self.l1 = Dense(30, input_shape=(2,), kernel_initializer=init, bias_initializer=init,
                        kernel_regularizer=tf.keras.regularizers.l2(valreg),  # expect: WD103
                        activity_regularizer=tf.keras.regularizers.l2(valreg))  # expect: WD103
        self.l2 = Dense(35, kernel_initializer=init, bias_initializer=init,
                        kernel_regularizer=tf.keras.regularizers.l2(valreg),  # expect: WD103
                        activity_regularizer=tf.keras.regularizers.l2(valreg))  # expect: WD103
        self.l3 = Dense(2, kernel_initializer=init, bias_initializer=init,
                        kernel_regularizer=tf.keras.regularizers.l2(valreg))  # expect: WD103

    def call(self, inputs):
        feat = tf.nn.relu(self.l1(inputs))
        feat = tf.nn.relu(self.l2(feat))
        return self.l3(feat)


class Memory(object):
    def __init__(self, max_memory):
        self._max_memory = max_memory
        self._samples = []

    def add_sample(self, sample):
        self._samples.append(sample)
        if len(self._samples) > self._max_memory:
            self._samples.pop(0)

    def sample(self, no_samples):
        return random.sample(self._samples, min(no_samples, len(self._samples)))


qn_guess = Q2(valreg=0.01)
optimizer = tf.keras.optimizers.Adam(learning_rate=0.001)
buffer = Memory(10 ** 4)
alpha = .56


def learn(batch_size=64):
    batch = np.array(buffer.sample(batch_size), dtype=np.float32)
    states, guesses, rewards = batch[:, :2], batch[:, 2].astype(np.int32), batch[:, 3]
    with tf.GradientTape() as tape:
        q_values = qn_guess(states)
        q_taken = tf.reduce_sum(q_values * tf.one_hot(guesses, 2), axis=1)
        loss = tf.keras.losses.MSE(rewards, q_taken)
    grads = tape.gradient(loss, qn_guess.trainable_variables)
    optimizer.apply_gradients(zip(grads, qn_guess.trainable_variables))
    return loss


for episode in range(10 ** 4):
    phase = np.random.choice([-1, 1])
    beta = np.random.choice(basic.actions[0])
    p0 = np.exp(-(beta - phase * alpha) ** 2)
    outcome = np.random.choice([0, 1], p=[p0, 1 - p0])
    guess = np.random.choice([0, 1])
    reward = 1.0 if (2 * guess - 1) == phase else 0.0
    buffer.add_sample((outcome, beta, guess, reward))
    if episode > 100:
        loss = learn()
        if episode % 500 == 0:
            print(episode, float(loss))
