# Idiom seen in: yukezhu/tensorflow-reinforce rl/pg_reinforce.py
# Idiom seen in: yukezhu/tensorflow-reinforce run_reinforce_cartpole.py
# What it reproduces: REINFORCE learner whose loss is the return-weighted cross entropy plus
#   reg_param * sum of squares over the policy_network scope; compute_gradients is given that total
#   (here the returns weight the cross entropy inside the loss, not the gradients): clean.
import random

import numpy as np
import tensorflow as tf


class PolicyGradientREINFORCE(object):

    def __init__(self, session, optimizer, policy_network, state_dim, num_actions,
                 init_exp=0.5, final_exp=0.0, anneal_steps=10000, discount_factor=0.99,
                 reg_param=0.001, max_gradient=5, summary_writer=None, summary_every=100):
        self.session = session
        self.optimizer = optimizer
        self.summary_writer = summary_writer
        self.policy_network = policy_network
        self.state_dim = state_dim
        self.num_actions = num_actions
        self.discount_factor = discount_factor
        self.max_gradient = max_gradient
        self.reg_param = reg_param
        self.exploration = init_exp
        self.init_exp = init_exp
        self.final_exp = final_exp
        self.anneal_steps = anneal_steps
        self.train_iteration = 0
        self.summary_every = summary_every
        self.state_buffer, self.reward_buffer, self.action_buffer = [], [], []
        self.all_rewards = []
        self.max_reward_length = 1000000

        self.create_variables()
        self.session.run(tf.variables_initializer(tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES)))

    def create_variables(self):
        with tf.name_scope("model_inputs"):
            self.states = tf.placeholder(tf.float32, (None, self.state_dim), name="states")

        with tf.name_scope("predict_actions"):
            with tf.variable_scope("policy_network"):
                self.policy_outputs = self.policy_network(self.states)
            self.action_scores = tf.identity(self.policy_outputs, name="action_scores")

        policy_network_variables = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope="policy_network")

        with tf.name_scope("compute_pg_gradients"):
            self.taken_actions = tf.placeholder(tf.int32, (None,), name="taken_actions")
            self.discounted_rewards = tf.placeholder(tf.float32, (None,), name="discounted_rewards")
            with tf.variable_scope("policy_network", reuse=True):
                self.logprobs = self.policy_network(self.states)

            self.cross_entropy_loss = tf.nn.sparse_softmax_cross_entropy_with_logits(
                logits=self.logprobs, labels=self.taken_actions)
            self.pg_loss = tf.reduce_mean(self.cross_entropy_loss * self.discounted_rewards)
            self.reg_loss = tf.reduce_sum([tf.reduce_sum(tf.square(x)) for x in policy_network_variables])
            self.loss = self.pg_loss + self.reg_param * self.reg_loss

            self.gradients = self.optimizer.compute_gradients(self.loss, policy_network_variables)
            for i, (grad, var) in enumerate(self.gradients):
                if grad is not None:
                    self.gradients[i] = (tf.clip_by_norm(grad, self.max_gradient), var)

            tf.summary.scalar("policy_loss", self.pg_loss)
            tf.summary.scalar("reg_loss", self.reg_loss)
            tf.summary.scalar("total_loss", self.loss)

        with tf.name_scope("train_policy_network"):
            self.train_op = self.optimizer.apply_gradients(self.gradients)
        self.summarize = tf.summary.merge_all()

    def sampleAction(self, states):
        if random.random() < self.exploration:
            return random.randint(0, self.num_actions - 1)
        scores = self.session.run(self.action_scores, {self.states: states})[0]
        probs = np.exp(scores - np.max(scores))
        probs /= probs.sum()
        return int(np.argmax(np.random.multinomial(1, probs - 1e-5)))

    def storeRollout(self, state, action, reward):
        self.action_buffer.append(action)
        self.reward_buffer.append(reward)
        self.state_buffer.append(state)

    def updateModel(self):
        N = len(self.reward_buffer)
        r = 0
        discounted_rewards = np.zeros(N)
        for t in reversed(range(N)):
            r = self.reward_buffer[t] + self.discount_factor * r
            discounted_rewards[t] = r
        self.all_rewards += discounted_rewards.tolist()
        self.all_rewards = self.all_rewards[:self.max_reward_length]
        discounted_rewards -= np.mean(self.all_rewards)
        discounted_rewards /= np.std(self.all_rewards)

        _, summary_str = self.session.run([self.train_op, self.summarize], {
            self.states: np.array(self.state_buffer),
            self.taken_actions: np.array(self.action_buffer),
            self.discounted_rewards: discounted_rewards,
        })
        if self.summary_writer is not None and self.train_iteration % self.summary_every == 0:
            self.summary_writer.add_summary(summary_str, self.train_iteration)
        ratio = max((self.anneal_steps - self.train_iteration) / float(self.anneal_steps), 0)
        self.exploration = (self.init_exp - self.final_exp) * ratio + self.final_exp
        self.train_iteration += 1
        self.state_buffer, self.reward_buffer, self.action_buffer = [], [], []


def policy_network(states):
    W1 = tf.get_variable("W1", [4, 20], initializer=tf.random_normal_initializer())
    b1 = tf.get_variable("b1", [20], initializer=tf.constant_initializer(0))
    h1 = tf.nn.tanh(tf.matmul(states, W1) + b1)
    W2 = tf.get_variable("W2", [20, 2], initializer=tf.random_normal_initializer(stddev=0.1))
    b2 = tf.get_variable("b2", [2], initializer=tf.constant_initializer(0))
    return tf.matmul(h1, W2) + b2


if __name__ == '__main__':
    import gym
    env = gym.make('CartPole-v0')
    sess = tf.Session()
    optimizer = tf.train.RMSPropOptimizer(learning_rate=0.0001, decay=0.9)
    writer = tf.summary.FileWriter("/tmp/cartpole-reinforce/")
    pg = PolicyGradientREINFORCE(sess, optimizer, policy_network, env.observation_space.shape[0],
                                 env.action_space.n, summary_writer=writer)
    for i_episode in range(10000):
        state = env.reset()
        for t in range(200):
            action = pg.sampleAction(state[np.newaxis, :])
            next_state, reward, done, _ = env.step(action)
            pg.storeRollout(state, action, -10 if done else 0.1)
            state = next_state
            if done:
                break
        pg.updateModel()
