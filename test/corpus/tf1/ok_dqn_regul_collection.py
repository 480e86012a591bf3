# Idiom seen in: pikinder/DQN dqn.py
# What it reproduces: a DQN base class whose loss is huber(TD error) + regul_param * sum(REGULARIZATION_LOSSES),
# trained with RMSProp on the 'Q_network/' variables only. In the repository the layers carry no regularizer (the sum
# is empty); here the Atari subclass gives its tf.layers a unit-scale l2_regularizer that regul_param scales.
# Clean: the collection sum is part of the loss that compute_gradients differentiates.
import tensorflow as tf

from configs import AtariConfig


class DQN(object):

    def __init__(self, batch_size, state_shape, num_actions, regul_param=0., optimiser=None, summaries=False):
        self.batch_size = batch_size
        self.num_actions = num_actions

        with tf.variable_scope('Q_input'):
            self.x_batch = tf.placeholder(tf.float32, [batch_size] + state_shape, name='x_batch')
            self.x = tf.placeholder(tf.float32, [1] + state_shape, name='x_single')
            self.global_step = tf.Variable(0, name='global_step', trainable=False)
            self.regul_param = tf.Variable(regul_param, name='regul_param', trainable=False)

        with tf.variable_scope('Q_network') as scope:
            self.q = self._create_outputs(self.x)
            scope.reuse_variables()
            self.q_batch = self._create_outputs(self.x_batch)

        with tf.variable_scope('T_network'):
            self.t_batch = self._create_outputs(self.x_batch)

        with tf.variable_scope('Q_losses'):
            self.q_targets = tf.placeholder(tf.float32, [batch_size, num_actions], name='q_targets')
            self.q_mask = tf.placeholder(tf.float32, [batch_size, num_actions], name='q_mask')
            self.loss = self._create_losses()

        with tf.variable_scope('Q_trainer'):
            self.train_op = self._create_train_ops(optimiser)
        if summaries:
            tf.summary.scalar('q_loss', self.loss)

    def _create_outputs(self, x):
        raise NotImplementedError('Subclass responsability')

    def _huber(self, d, delta=1.):
        quadratic = tf.minimum(tf.abs(d), delta)
        linear = tf.abs(d) - quadratic
        return 0.5 * quadratic ** 2 + delta * linear

    def _create_losses(self):
        diff = tf.reduce_sum(self.q_batch * self.q_mask - self.q_targets * self.q_mask, axis=1)
        loss = tf.reduce_mean(self._huber(diff))
        q_reg = [l for l in tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES) if l.name.startswith('Q_network/')]
        regulariser = self.regul_param * tf.add_n(q_reg)
        return loss + regulariser

    def _create_train_ops(self, optimiser):
        if optimiser is None:
            optimiser = tf.train.RMSPropOptimizer(learning_rate=0.00025, momentum=0.95, epsilon=0.01)
        q_vars = [v for v in tf.trainable_variables() if v.name.startswith('Q_network/')]
        grads_and_vars = optimiser.compute_gradients(self.loss, var_list=q_vars)
        return optimiser.apply_gradients(grads_and_vars, global_step=self.global_step)


class AtariDQN(DQN):

    def _create_outputs(self, x):
        reg = tf.contrib.layers.l2_regularizer(1.0)
        x = x / 127.5 - 1.
        x = tf.layers.conv2d(x, 32, (8, 8), (4, 4), activation=tf.nn.relu, kernel_regularizer=reg, name='conv_1')
        x = tf.layers.conv2d(x, 64, (4, 4), (2, 2), activation=tf.nn.relu, kernel_regularizer=reg, name='conv_2')
        x = tf.layers.conv2d(x, 64, (3, 3), (1, 1), activation=tf.nn.relu, kernel_regularizer=reg, name='conv_3')
        x = tf.reshape(x, [x.get_shape().as_list()[0], -1])
        x = tf.layers.dense(x, 512, activation=tf.nn.relu, kernel_regularizer=reg, name='fc1')
        return tf.layers.dense(x, self.num_actions, kernel_regularizer=reg, name='q_hat')


def build_agent(env_name):
    cfg = AtariConfig(env_name)
    return AtariDQN(cfg.batch_size, cfg.state_shape, cfg.num_actions, regul_param=1e-5, summaries=True)
