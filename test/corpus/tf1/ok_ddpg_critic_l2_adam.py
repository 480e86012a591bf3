# Idiom seen in: stevenpjg/ddpg-aigym critic_net.py
# What it reproduces: a DDPG critic in its own tf.Graph with raw tf.Variable weights; an explicit
#   1e-2 * (sum of tf.nn.l2_loss over the critic's weights and biases) is added to the TD cost that
#   AdamOptimizer minimizes. The decay is in the trained cost and not doubled anywhere: clean.
import math

import numpy as np
import tensorflow as tf

TAU = 0.001
LEARNING_RATE = 0.001
BATCH_SIZE = 64
L2_CRITIC = 1e-2


class CriticNet:
    """Critic Q value model of the DDPG algorithm."""

    def __init__(self, num_states, num_actions):
        self.g = tf.Graph()
        with self.g.as_default():
            self.sess = tf.InteractiveSession()

            self.W1_c, self.B1_c, self.W2_c, self.W2_action_c, self.B2_c, self.W3_c, self.B3_c, \
                self.critic_q_model, self.critic_state_in, self.critic_action_in = \
                self.create_critic_net(num_states, num_actions)

            self.t_W1_c, self.t_B1_c, self.t_W2_c, self.t_W2_action_c, self.t_B2_c, self.t_W3_c, self.t_B3_c, \
                self.t_critic_q_model, self.t_critic_state_in, self.t_critic_action_in = \
                self.create_critic_net(num_states, num_actions)

            self.q_value_in = tf.placeholder("float", [None, 1])
            self.l2_regularizer_loss = (tf.nn.l2_loss(self.W1_c) + tf.nn.l2_loss(self.W2_c)
                                        + tf.nn.l2_loss(self.W2_action_c) + tf.nn.l2_loss(self.W3_c)
                                        + tf.nn.l2_loss(self.B1_c) + tf.nn.l2_loss(self.B2_c)
                                        + tf.nn.l2_loss(self.B3_c))
            self.cost = tf.reduce_sum(tf.pow(self.critic_q_model - self.q_value_in, 2)) / BATCH_SIZE \
                + L2_CRITIC * self.l2_regularizer_loss
            self.optimizer = tf.train.AdamOptimizer(learning_rate=LEARNING_RATE).minimize(self.cost)

            self.act_grad_v = tf.gradients(self.critic_q_model, self.critic_action_in)
            self.action_gradients = [self.act_grad_v[0] / tf.to_float(tf.shape(self.act_grad_v[0])[0])]

            self.sess.run(tf.global_variables_initializer())
            self.sess.run([
                self.t_W1_c.assign(self.W1_c), self.t_B1_c.assign(self.B1_c),
                self.t_W2_c.assign(self.W2_c), self.t_W2_action_c.assign(self.W2_action_c),
                self.t_B2_c.assign(self.B2_c), self.t_W3_c.assign(self.W3_c), self.t_B3_c.assign(self.B3_c),
            ])

    def create_critic_net(self, num_states=4, num_actions=1):
        N_HIDDEN_1 = 400
        N_HIDDEN_2 = 300
        critic_state_in = tf.placeholder("float", [None, num_states])
        critic_action_in = tf.placeholder("float", [None, num_actions])

        W1_c = tf.Variable(tf.random_uniform([num_states, N_HIDDEN_1], -1 / math.sqrt(num_states), 1 / math.sqrt(num_states)))
        B1_c = tf.Variable(tf.random_uniform([N_HIDDEN_1], -1 / math.sqrt(num_states), 1 / math.sqrt(num_states)))
        fan = 1 / math.sqrt(N_HIDDEN_1 + num_actions)
        W2_c = tf.Variable(tf.random_uniform([N_HIDDEN_1, N_HIDDEN_2], -fan, fan))
        W2_action_c = tf.Variable(tf.random_uniform([num_actions, N_HIDDEN_2], -fan, fan))
        B2_c = tf.Variable(tf.random_uniform([N_HIDDEN_2], -fan, fan))
        W3_c = tf.Variable(tf.random_uniform([N_HIDDEN_2, 1], -0.003, 0.003))
        B3_c = tf.Variable(tf.random_uniform([1], -0.003, 0.003))

        H1_c = tf.nn.softplus(tf.matmul(critic_state_in, W1_c) + B1_c)
        H2_c = tf.nn.tanh(tf.matmul(H1_c, W2_c) + tf.matmul(critic_action_in, W2_action_c) + B2_c)
        critic_q_model = tf.matmul(H2_c, W3_c) + B3_c
        return W1_c, B1_c, W2_c, W2_action_c, B2_c, W3_c, B3_c, critic_q_model, critic_state_in, critic_action_in

    def train_critic(self, state_t_batch, action_batch, y_i_batch):
        self.sess.run(self.optimizer, feed_dict={self.critic_state_in: state_t_batch,
                                                 self.critic_action_in: action_batch,
                                                 self.q_value_in: y_i_batch})

    def evaluate_target_critic(self, state_t_1, action_t_1):
        return self.sess.run(self.t_critic_q_model, feed_dict={self.t_critic_state_in: state_t_1,
                                                               self.t_critic_action_in: action_t_1})

    def compute_delQ_a(self, state_t, action_t):
        return self.sess.run(self.action_gradients, feed_dict={self.critic_state_in: state_t,
                                                               self.critic_action_in: action_t})

    def update_target_critic(self):
        self.sess.run([
            self.t_W1_c.assign(TAU * self.W1_c + (1 - TAU) * self.t_W1_c),
            self.t_B1_c.assign(TAU * self.B1_c + (1 - TAU) * self.t_B1_c),
            self.t_W2_c.assign(TAU * self.W2_c + (1 - TAU) * self.t_W2_c),
            self.t_W2_action_c.assign(TAU * self.W2_action_c + (1 - TAU) * self.t_W2_action_c),
            self.t_B2_c.assign(TAU * self.B2_c + (1 - TAU) * self.t_B2_c),
            self.t_W3_c.assign(TAU * self.W3_c + (1 - TAU) * self.t_W3_c),
            self.t_B3_c.assign(TAU * self.B3_c + (1 - TAU) * self.t_B3_c),
        ])


if __name__ == '__main__':
    critic = CriticNet(num_states=3, num_actions=1)
    for _ in range(100):
        s = np.random.randn(BATCH_SIZE, 3)
        a = np.random.randn(BATCH_SIZE, 1)
        y = np.random.randn(BATCH_SIZE, 1)
        critic.train_critic(s, a, y)
        critic.update_target_critic()
