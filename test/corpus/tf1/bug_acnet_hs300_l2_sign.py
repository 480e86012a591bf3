# Idiom seen in: AlphaSmartDog/DeepLearningNotes Note-6 A3CNet/Note 6 simple ACNet/ACNet_adjust.py
# Idiom seen in: AlphaSmartDog/DeepLearningNotes Note-6 A3CNet/Note 6 simple ACNet/FCNet.py
# What it reproduces: a TF1 actor-critic for HS300 index timing with per-network L2 sums
#   (L2_P * actor regularizers, L2_V * critic regularizers). The actor loss is written as the negation of an
#   objective to maximize and the L2 term is added inside it, so the policy weights get a negative decay
#   (user mistake: the repository adds l2_policy to the minimized loss).
import random

import numpy as np
import tensorflow as tf

from env_hs300 import TradingEnv  # HS300 daily-bar environment, not in this file

ENTROPY_BETA = 0.05
LOSS_V = 100
_EPSILON = 1e-6
L2_P = 1e-5
L2_V = 1e-2
actor_learning_rate = 1e-3
critic_learning_rate = 1e-3


def swish(tensor):
    return tensor * tf.nn.sigmoid(tensor)


def fc_net(inputs, output_size, scope):
    reg = tf.contrib.layers.l2_regularizer(scale=0.1)
    with tf.variable_scope(scope):
        net = tf.layers.dense(inputs, 32, activation=swish, kernel_regularizer=reg, name='inputs_layer')
        net = tf.layers.dense(net, 64, activation=swish, kernel_regularizer=reg, name='hidden_layer')
        return tf.layers.dense(net, output_size, kernel_regularizer=reg, name='output_layer')


class ACNet(object):
    def __init__(self, state_size, action_size):
        self.action_space = list(range(action_size))
        self.inputs = tf.placeholder(tf.float32, [None, state_size], 'inputs')
        self.actions = tf.placeholder(tf.int32, [None], 'action')
        self.targets = tf.placeholder(tf.float32, [None], 'discounted_reward')
        a_t = tf.one_hot(self.actions, action_size)
        R = tf.expand_dims(self.targets, axis=1)

        self.P = tf.nn.softmax(fc_net(self.inputs, action_size, 'actor'))
        self.V = fc_net(self.inputs, 1, 'critic')
        self.AP = tf.squeeze(self.P, axis=0)
        log_DP = tf.log(tf.reduce_sum(self.P * a_t, axis=1, keepdims=True) + _EPSILON)
        A = R - self.V
        entropy = -tf.reduce_sum(self.P * tf.log(self.P + _EPSILON))

        self.l2_policy = L2_P * tf.add_n(tf.losses.get_regularization_losses(scope='actor'))
        self.l2_value = L2_V * tf.add_n(tf.losses.get_regularization_losses(scope='critic'))

        self.loss_policy = -(tf.reduce_sum(log_DP * tf.stop_gradient(A)) + ENTROPY_BETA * entropy + self.l2_policy)  # expect: WD302
        self.loss_value = LOSS_V * tf.nn.l2_loss(A) + self.l2_value

        self.actor_optimizer = tf.train.AdamOptimizer(actor_learning_rate).minimize(self.loss_policy)
        self.critic_optimizer = tf.train.AdamOptimizer(critic_learning_rate).minimize(self.loss_value)

        self.sess = tf.Session()
        self.sess.run(tf.global_variables_initializer())

    def predict_action(self, state):
        policy = self.sess.run(self.AP, {self.inputs: state})
        return random.choices(self.action_space, policy)[0]

    def predict_value(self, state):
        return self.sess.run(self.V, {self.inputs: state})

    def train(self, states, actions, targets):
        feed = {self.inputs: states, self.actions: actions, self.targets: targets}
        self.sess.run([self.actor_optimizer, self.critic_optimizer], feed)


def discount(rewards, gamma=0.9):
    out, running = np.zeros(len(rewards)), 0.
    for t in reversed(range(len(rewards))):
        running = rewards[t] + gamma * running
        out[t] = running
    return out


if __name__ == '__main__':
    env = TradingEnv(code='000300.XSHG', window=30)
    agent = ACNet(env.state_size, env.action_size)
    for episode in range(500):
        state, done = env.reset(), False
        states, actions, rewards = [], [], []
        while not done:
            action = agent.predict_action(state[np.newaxis, :])
            next_state, reward, done = env.step(action)
            states.append(state)
            actions.append(action)
            rewards.append(reward)
            state = next_state
        agent.train(np.array(states), np.array(actions), discount(rewards))
        print('episode %d return %.4f' % (episode, sum(rewards)))
