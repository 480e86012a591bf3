# Idiom seen in: openai/baselines baselines/ddpg/ddpg.py (DDPG.setup_actor_optimizer / setup_critic_optimizer)
# What it reproduces: separate actor and critic objectives with flat gradients and one MpiAdam per
#   network; when critic_l2_reg > 0 the critic's hidden kernels (not biases, not layer-norm parameters,
#   not the output layer) get tc.layers.apply_regularization(l2_regularizer(critic_l2_reg)) added to
#   critic_loss before the gradient is taken.
# label-note: clean. The penalty is added to critic_loss, which is what critic_grads differentiates and
#   MpiAdam applies; only kernels are selected, so nothing is said about biases/norms (no WD203).
import tensorflow as tf
import tensorflow.contrib as tc

import baselines.common.tf_util as U
from baselines import logger
from baselines.common.mpi_adam import MpiAdam


class DDPG(object):
    def __init__(self, actor, critic, observation_shape, action_shape, gamma=0.99, tau=0.001,
                 actor_lr=1e-4, critic_lr=1e-3, critic_l2_reg=0., clip_norm=None):
        self.obs0 = tf.placeholder(tf.float32, shape=(None,) + observation_shape, name='obs0')
        self.actions = tf.placeholder(tf.float32, shape=(None,) + action_shape, name='actions')
        self.critic_target = tf.placeholder(tf.float32, shape=(None, 1), name='critic_target')
        self.actor, self.critic = actor, critic
        self.gamma, self.tau, self.clip_norm = gamma, tau, clip_norm
        self.actor_lr, self.critic_lr, self.critic_l2_reg = actor_lr, critic_lr, critic_l2_reg

        self.actor_tf = actor(self.obs0)
        self.critic_tf = critic(self.obs0, self.actions)
        self.critic_with_actor_tf = critic(self.obs0, self.actor_tf, reuse=True)
        self.setup_actor_optimizer()
        self.setup_critic_optimizer()

    def setup_actor_optimizer(self):
        logger.info('setting up actor optimizer')
        self.actor_loss = -tf.reduce_mean(self.critic_with_actor_tf)
        self.actor_grads = U.flatgrad(self.actor_loss, self.actor.trainable_vars, clip_norm=self.clip_norm)
        self.actor_optimizer = MpiAdam(var_list=self.actor.trainable_vars, beta1=0.9, beta2=0.999, epsilon=1e-08)

    def setup_critic_optimizer(self):
        logger.info('setting up critic optimizer')
        self.critic_loss = tf.reduce_mean(tf.square(self.critic_tf - self.critic_target))
        if self.critic_l2_reg > 0.:
            critic_reg_vars = [var for var in self.critic.trainable_vars
                               if 'kernel' in var.name and 'output' not in var.name]
            for var in critic_reg_vars:
                logger.info('  regularizing: {}'.format(var.name))
            logger.info('  applying l2 regularization with {}'.format(self.critic_l2_reg))
            critic_reg = tc.layers.apply_regularization(
                tc.layers.l2_regularizer(self.critic_l2_reg),
                weights_list=critic_reg_vars
            )
            self.critic_loss += critic_reg
        self.critic_grads = U.flatgrad(self.critic_loss, self.critic.trainable_vars, clip_norm=self.clip_norm)
        self.critic_optimizer = MpiAdam(var_list=self.critic.trainable_vars, beta1=0.9, beta2=0.999, epsilon=1e-08)

    def train(self, batch, target_q):
        ops = [self.actor_grads, self.actor_loss, self.critic_grads, self.critic_loss]
        actor_grads, actor_loss, critic_grads, critic_loss = self.sess.run(ops, feed_dict={
            self.obs0: batch['obs0'], self.actions: batch['actions'], self.critic_target: target_q})
        self.actor_optimizer.update(actor_grads, stepsize=self.actor_lr)
        self.critic_optimizer.update(critic_grads, stepsize=self.critic_lr)
        return critic_loss, actor_loss

    def initialize(self, sess):
        self.sess = sess
        self.sess.run(tf.global_variables_initializer())
        self.actor_optimizer.sync()
        self.critic_optimizer.sync()
