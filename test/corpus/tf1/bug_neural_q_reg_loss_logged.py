# Idiom seen in: yukezhu/tensorflow-reinforce rl/neural_q_learner.py
# Idiom seen in: yukezhu/tensorflow-reinforce run_dqn_cartpole.py
# What it reproduces: DQN learner that computes reg_param * sum of squares over the q_network scope.
#   The repo trains on td_loss + reg_loss; realistic mistake after switching to a Huber TD loss: the
#   gradients are taken of the TD loss alone and the regularized total is only summarized (WD104).
import random

import numpy as np
import tensorflow as tf

from replay_buffer import ReplayBuffer


class NeuralQLearner(object):

    def __init__(self, session, optimizer, q_network, state_dim, num_actions, batch_size=32,
                 init_exp=0.5, final_exp=0.1, anneal_steps=10000, replay_buffer_size=10000,
                 store_replay_every=5, discount_factor=0.9, target_update_rate=0.01,
                 reg_param=0.01, max_gradient=5, summary_writer=None, summary_every=100):
        self.session = session
        self.optimizer = optimizer
        self.summary_writer = summary_writer
        self.q_network = q_network
        self.replay_buffer = ReplayBuffer(buffer_size=replay_buffer_size)
        self.batch_size = batch_size
        self.state_dim = state_dim
        self.num_actions = num_actions
        self.exploration = init_exp
        self.init_exp = init_exp
        self.final_exp = final_exp
        self.anneal_steps = anneal_steps
        self.discount_factor = discount_factor
        self.target_update_rate = target_update_rate
        self.max_gradient = max_gradient
        self.reg_param = reg_param
        self.store_replay_every = store_replay_every
        self.store_experience_cnt = 0
        self.train_iteration = 0
        self.summary_every = summary_every

        self.create_variables()
        self.session.run(tf.variables_initializer(tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES)))

    def create_variables(self):
        with tf.name_scope("predict_actions"):
            self.states = tf.placeholder(tf.float32, (None, self.state_dim), name="states")
            with tf.variable_scope("q_network"):
                self.q_outputs = self.q_network(self.states)
            self.action_scores = tf.identity(self.q_outputs, name="action_scores")
            self.predicted_actions = tf.argmax(self.action_scores, axis=1, name="predicted_actions")

        with tf.name_scope("estimate_future_rewards"):
            self.next_states = tf.placeholder(tf.float32, (None, self.state_dim), name="next_states")
            self.next_state_mask = tf.placeholder(tf.float32, (None,), name="next_state_masks")
            with tf.variable_scope("target_network"):
                self.target_outputs = self.q_network(self.next_states)
            self.next_action_scores = tf.stop_gradient(self.target_outputs)
            self.target_values = tf.reduce_max(self.next_action_scores, axis=[1, ]) * self.next_state_mask
            self.rewards = tf.placeholder(tf.float32, (None,), name="rewards")
            self.future_rewards = self.rewards + self.discount_factor * self.target_values

        with tf.name_scope("compute_temporal_differences"):
            self.action_mask = tf.placeholder(tf.float32, (None, self.num_actions), name="action_mask")
            self.masked_action_scores = tf.reduce_sum(self.action_scores * self.action_mask, axis=[1, ])
            self.temp_diff = self.masked_action_scores - self.future_rewards
            self.td_loss = tf.reduce_mean(tf.losses.huber_loss(self.future_rewards, self.masked_action_scores,
                                                               reduction=tf.losses.Reduction.NONE))
            q_network_variables = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope="q_network")
            reg_loss = self.reg_param * tf.reduce_sum([tf.reduce_sum(tf.square(x)) for x in q_network_variables])  # expect: WD104
            self.loss = self.td_loss + reg_loss
            gradients = self.optimizer.compute_gradients(self.td_loss, var_list=q_network_variables)
            for i, (grad, var) in enumerate(gradients):
                if grad is not None:
                    gradients[i] = (tf.clip_by_norm(grad, self.max_gradient), var)
            self.train_op = self.optimizer.apply_gradients(gradients)

        with tf.name_scope("update_target_network"):
            self.target_network_update = []
            q_network_variables = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope="q_network")
            target_network_variables = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope="target_network")
            for v_source, v_target in zip(q_network_variables, target_network_variables):
                update_op = v_target.assign_sub(self.target_update_rate * (v_target - v_source))
                self.target_network_update.append(update_op)
            self.target_network_update = tf.group(*self.target_network_update)

        tf.summary.scalar("td_loss", self.td_loss)
        tf.summary.scalar("reg_loss", reg_loss)
        tf.summary.scalar("total_loss", self.loss)
        self.summarize = tf.summary.merge_all()
        self.no_op = tf.no_op()

    def storeExperience(self, state, action, reward, next_state, done):
        if self.store_experience_cnt % self.store_replay_every == 0 or done:
            self.replay_buffer.add(state, action, reward, next_state, done)
        self.store_experience_cnt += 1

    def eGreedyAction(self, states, explore=True):
        if explore and self.exploration > random.random():
            return random.randint(0, self.num_actions - 1)
        return self.session.run(self.predicted_actions, {self.states: states})[0]

    def updateModel(self):
        if self.replay_buffer.count() < self.batch_size:
            return
        batch = self.replay_buffer.getBatch(self.batch_size)
        states = np.zeros((self.batch_size, self.state_dim))
        rewards = np.zeros((self.batch_size,))
        action_mask = np.zeros((self.batch_size, self.num_actions))
        next_states = np.zeros((self.batch_size, self.state_dim))
        next_state_mask = np.zeros((self.batch_size,))
        for k, (s0, a, r, s1, done) in enumerate(batch):
            states[k] = s0
            rewards[k] = r
            action_mask[k][a] = 1
            if not done:
                next_states[k] = s1
                next_state_mask[k] = 1
        cost, _, summary_str = self.session.run([self.loss, self.train_op, self.summarize], {
            self.states: states, self.next_states: next_states, self.next_state_mask: next_state_mask,
            self.action_mask: action_mask, self.rewards: rewards})
        self.session.run(self.target_network_update)
        if self.summary_writer is not None and self.train_iteration % self.summary_every == 0:
            self.summary_writer.add_summary(summary_str, self.train_iteration)
        ratio = max((self.anneal_steps - self.train_iteration) / float(self.anneal_steps), 0)
        self.exploration = (self.init_exp - self.final_exp) * ratio + self.final_exp
        self.train_iteration += 1


def observation_to_action(states):
    W1 = tf.get_variable("W1", [4, 20], initializer=tf.random_normal_initializer())
    b1 = tf.get_variable("b1", [20], initializer=tf.constant_initializer(0))
    h1 = tf.nn.relu(tf.matmul(states, W1) + b1)
    W2 = tf.get_variable("W2", [20, 2], initializer=tf.random_normal_initializer())
    b2 = tf.get_variable("b2", [2], initializer=tf.constant_initializer(0))
    return tf.matmul(h1, W2) + b2


if __name__ == '__main__':
    import gym
    env = gym.make('CartPole-v0')
    sess = tf.Session()
    optimizer = tf.train.RMSPropOptimizer(learning_rate=0.0001, decay=0.9)
    writer = tf.summary.FileWriter("/tmp/cartpole-dqn/")
    q_learner = NeuralQLearner(sess, optimizer, observation_to_action, env.observation_space.shape[0],
                               env.action_space.n, summary_writer=writer)
    for i_episode in range(5000):
        state = env.reset()
        for t in range(200):
            action = q_learner.eGreedyAction(state[np.newaxis, :])
            next_state, reward, done, _ = env.step(action)
            q_learner.storeExperience(state, action, -10 if done else 0.1, next_state, done)
            q_learner.updateModel()
            state = next_state
            if done:
                break
