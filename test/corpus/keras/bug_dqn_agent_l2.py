# Idiom seen in: tensorflow/agents tf_agents/agents/dqn/dqn_agent.py (_loss: common.aggregate_losses(per_example_loss=td_loss, sample_weight=weights, regularization_loss=...), losses_dict for summaries)
# What it reproduces: a TF2 DQN agent with a hand-written L2 term over the Q-network kernels; the term is computed
#   inside the tape and logged in the losses dict, but aggregate_losses is called without regularization_loss=,
#   so the minimized total is the TD loss alone and the L2 term is discarded (bug).
import collections

import gym
import numpy as np
import tensorflow as tf
from absl import app, flags

from replay import PrioritizedReplayBuffer

FLAGS = flags.FLAGS
flags.DEFINE_string('env_name', 'CartPole-v1', 'Gym environment.')
flags.DEFINE_integer('num_iterations', 20000, 'Training steps.')
flags.DEFINE_float('learning_rate', 1e-3, 'Adam learning rate.')
flags.DEFINE_float('l2_coef', 1e-4, 'L2 coefficient on the Q-network kernels.')
flags.DEFINE_float('gamma', 0.99, 'Discount.')

AggregatedLosses = collections.namedtuple('AggregatedLosses', ['total_loss', 'weighted', 'regularization'])


def aggregate_losses(per_example_loss, sample_weight=None, regularization_loss=None):
    if sample_weight is not None:
        per_example_loss = per_example_loss * sample_weight
    weighted = tf.reduce_mean(per_example_loss)
    regularization = tf.add_n(regularization_loss) if regularization_loss else tf.constant(0.0)
    return AggregatedLosses(weighted + regularization, weighted, regularization)


class QNetwork(tf.keras.Model):
    def __init__(self, num_actions, fc_layer_params=(100, 50)):
        super().__init__()
        self.hidden = [tf.keras.layers.Dense(n, activation='relu') for n in fc_layer_params]
        self.q_head = tf.keras.layers.Dense(num_actions)

    def call(self, obs, training=False):
        x = obs
        for layer in self.hidden:
            x = layer(x)
        return self.q_head(x)


class DqnAgent(object):
    def __init__(self, num_actions, learning_rate, gamma, l2_coef, target_update_period=200):
        self._q_network = QNetwork(num_actions)
        self._target_q_network = QNetwork(num_actions)
        self._optimizer = tf.keras.optimizers.Adam(learning_rate)
        self._gamma = gamma
        self._l2_coef = l2_coef
        self._target_update_period = target_update_period
        self.train_step_counter = tf.Variable(0, dtype=tf.int64)

    def _loss(self, obs, actions, rewards, next_obs, dones, weights):
        next_q = tf.reduce_max(self._target_q_network(next_obs), axis=-1)
        td_targets = tf.stop_gradient(rewards + self._gamma * (1.0 - dones) * next_q)
        q_values = self._q_network(obs, training=True)
        q_sa = tf.gather(q_values, actions, batch_dims=1)
        td_loss = tf.keras.losses.huber(td_targets[:, None], q_sa[:, None])
        l2_reg = self._l2_coef * tf.add_n([tf.nn.l2_loss(v) for v in self._q_network.trainable_weights if 'kernel' in v.name])  # expect: WD104
        agg_loss = aggregate_losses(per_example_loss=td_loss, sample_weight=weights)
        losses_dict = {'td_loss': agg_loss.weighted, 'l2_reg': l2_reg, 'total_loss': agg_loss.total_loss}
        return agg_loss.total_loss, losses_dict, td_targets - q_sa

    @tf.function
    def train(self, obs, actions, rewards, next_obs, dones, weights):
        with tf.GradientTape() as tape:
            total_loss, losses_dict, td_errors = self._loss(obs, actions, rewards, next_obs, dones, weights)
        variables = self._q_network.trainable_variables
        grads = tape.gradient(total_loss, variables)
        self._optimizer.apply_gradients(zip(grads, variables))
        self.train_step_counter.assign_add(1)
        for name, value in losses_dict.items():
            tf.summary.scalar('Losses/' + name, value, step=self.train_step_counter)
        if self.train_step_counter % self._target_update_period == 0:
            for t, s in zip(self._target_q_network.variables, self._q_network.variables):
                t.assign(s)
        return td_errors

    def act(self, obs, epsilon):
        if np.random.rand() < epsilon:
            return np.random.randint(self._q_network.q_head.units)
        return int(tf.argmax(self._q_network(obs[None].astype(np.float32))[0]))


def main(_):
    env = gym.make(FLAGS.env_name)
    agent = DqnAgent(env.action_space.n, FLAGS.learning_rate, FLAGS.gamma, FLAGS.l2_coef)
    buffer = PrioritizedReplayBuffer(capacity=100000, alpha=0.6)
    writer = tf.summary.create_file_writer('logs/dqn')
    obs = env.reset()
    with writer.as_default():
        for step in range(FLAGS.num_iterations):
            epsilon = max(0.05, 1.0 - step / 5000)
            action = agent.act(obs, epsilon)
            next_obs, reward, done, _ = env.step(action)
            buffer.add(obs, action, reward, next_obs, float(done))
            obs = env.reset() if done else next_obs
            if len(buffer) > 1000:
                batch, idxes, weights = buffer.sample(64, beta=0.4)
                td_errors = agent.train(*batch, weights)
                buffer.update_priorities(idxes, np.abs(td_errors.numpy()) + 1e-6)


if __name__ == '__main__':
    app.run(main)
