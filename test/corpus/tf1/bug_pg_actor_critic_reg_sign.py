# Idiom seen in: yukezhu/tensorflow-reinforce rl/pg_actor_critic.py
# Idiom seen in: yukezhu/tensorflow-reinforce run_actor_critic_acrobot.py
# What it reproduces: TF1 actor-critic with per-scope sum-of-squares regularization (reg_param) on the
#   actor and critic variables. Realistic sign slip when an entropy bonus is added: the L2 term is
#   subtracted like the bonus, so the actor's weights are pushed to grow (negative decay).
import random

import numpy as np
import tensorflow as tf


class PolicyGradientActorCritic(object):

    def __init__(self, session, optimizer, actor_network, critic_network, state_dim, num_actions,
                 init_exp=0.1, final_exp=0.0, anneal_steps=1000, discount_factor=0.99,
                 reg_param=0.001, entropy_beta=0.01, max_gradient=5, summary_writer=None):
        self.session = session
        self.optimizer = optimizer
        self.summary_writer = summary_writer
        self.actor_network = actor_network
        self.critic_network = critic_network
        self.state_dim = state_dim
        self.num_actions = num_actions
        self.discount_factor = discount_factor
        self.max_gradient = max_gradient
        self.reg_param = reg_param
        self.entropy_beta = entropy_beta
        self.exploration = init_exp
        self.init_exp = init_exp
        self.final_exp = final_exp
        self.anneal_steps = anneal_steps
        self.train_iteration = 0
        self.state_buffer, self.reward_buffer, self.action_buffer = [], [], []

        self.create_variables()
        self.session.run(tf.variables_initializer(tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES)))

    def create_variables(self):
        with tf.name_scope("model_inputs"):
            self.states = tf.placeholder(tf.float32, (None, self.state_dim), name="states")

        with tf.name_scope("predict_actions"):
            with tf.variable_scope("actor_network"):
                self.policy_outputs = self.actor_network(self.states)
            with tf.variable_scope("critic_network"):
                self.value_outputs = self.critic_network(self.states)
            self.action_scores = tf.identity(self.policy_outputs, name="action_scores")

        actor_network_variables = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope="actor_network")
        critic_network_variables = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope="critic_network")

        with tf.name_scope("compute_pg_gradients"):
            self.taken_actions = tf.placeholder(tf.int32, (None,), name="taken_actions")
            self.discounted_rewards = tf.placeholder(tf.float32, (None,), name="discounted_rewards")

            with tf.variable_scope("actor_network", reuse=True):
                self.logprobs = self.actor_network(self.states)
            with tf.variable_scope("critic_network", reuse=True):
                self.estimated_values = self.critic_network(self.states)

            self.advantages = tf.stop_gradient(self.discounted_rewards - tf.squeeze(self.estimated_values, 1))
            self.cross_entropy_loss = tf.nn.sparse_softmax_cross_entropy_with_logits(
                logits=self.logprobs, labels=self.taken_actions)
            self.pg_loss = tf.reduce_mean(self.cross_entropy_loss * self.advantages)
            probs = tf.nn.softmax(self.logprobs)
            self.entropy = -tf.reduce_mean(tf.reduce_sum(probs * tf.log(probs + 1e-8), axis=1))
            self.actor_reg_loss = tf.reduce_sum([tf.reduce_sum(tf.square(x)) for x in actor_network_variables])
            self.actor_loss = self.pg_loss - self.entropy_beta * self.entropy - self.reg_param * self.actor_reg_loss  # expect: WD302
            self.actor_gradients = self.optimizer.compute_gradients(self.actor_loss, actor_network_variables)

            self.mean_square_loss = tf.reduce_mean(tf.square(self.discounted_rewards - tf.squeeze(self.estimated_values, 1)))
            self.critic_reg_loss = tf.reduce_sum([tf.reduce_sum(tf.square(x)) for x in critic_network_variables])
            self.critic_loss = self.mean_square_loss + self.reg_param * self.critic_reg_loss
            self.critic_gradients = self.optimizer.compute_gradients(self.critic_loss, critic_network_variables)

            self.gradients = self.actor_gradients + self.critic_gradients
            for i, (grad, var) in enumerate(self.gradients):
                if grad is not None:
                    self.gradients[i] = (tf.clip_by_norm(grad, self.max_gradient), var)

            tf.summary.scalar("actor_loss", self.actor_loss)
            tf.summary.scalar("critic_loss", self.critic_loss)
            tf.summary.scalar("reg_loss", self.actor_reg_loss + self.critic_reg_loss)

        with tf.name_scope("train_actor_critic"):
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
        self.session.run(self.train_op, {
            self.states: np.array(self.state_buffer),
            self.taken_actions: np.array(self.action_buffer),
            self.discounted_rewards: discounted_rewards,
        })
        ratio = max((self.anneal_steps - self.train_iteration) / float(self.anneal_steps), 0)
        self.exploration = (self.init_exp - self.final_exp) * ratio + self.final_exp
        self.train_iteration += 1
        self.state_buffer, self.reward_buffer, self.action_buffer = [], [], []


def actor_network(states):
    W1 = tf.get_variable("W1", [6, 20], initializer=tf.random_normal_initializer())
    b1 = tf.get_variable("b1", [20], initializer=tf.constant_initializer(0))
    h1 = tf.nn.tanh(tf.matmul(states, W1) + b1)
    W2 = tf.get_variable("W2", [20, 3], initializer=tf.random_normal_initializer(stddev=0.1))
    b2 = tf.get_variable("b2", [3], initializer=tf.constant_initializer(0))
    return tf.matmul(h1, W2) + b2


def critic_network(states):
    W1 = tf.get_variable("W1", [6, 20], initializer=tf.random_normal_initializer())
    b1 = tf.get_variable("b1", [20], initializer=tf.constant_initializer(0))
    h1 = tf.nn.tanh(tf.matmul(states, W1) + b1)
    W2 = tf.get_variable("W2", [20, 1], initializer=tf.random_normal_initializer())
    b2 = tf.get_variable("b2", [1], initializer=tf.constant_initializer(0))
    return tf.matmul(h1, W2) + b2


if __name__ == '__main__':
    import gym
    env = gym.make('Acrobot-v1')
    sess = tf.Session()
    optimizer = tf.train.RMSPropOptimizer(learning_rate=0.0001, decay=0.9)
    writer = tf.summary.FileWriter("/tmp/acrobot-experiment-1/")
    pg = PolicyGradientActorCritic(sess, optimizer, actor_network, critic_network,
                                   env.observation_space.shape[0], env.action_space.n, summary_writer=writer)
    for i_episode in range(10000):
        state = env.reset()
        for t in range(1000):
            action = pg.sampleAction(state[np.newaxis, :])
            next_state, reward, done, _ = env.step(action)
            pg.storeRollout(state, action, -5.0 if done else reward)
            state = next_state
            if done:
                break
        pg.updateModel()
