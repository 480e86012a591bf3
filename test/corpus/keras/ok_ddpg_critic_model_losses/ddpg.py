# Idiom seen in: Rowing0914/TF_RL tf_rl/agents/DDPG.py (DDPG.__init__, _inner_update)
# What it reproduces: an agent class that instantiates actor/critic (plus deep-copied targets) from the classes
#   it is given. The critic tape minimizes MSE to the bootstrapped target + tf.add_n(self.critic.losses) *
#   params.L2_reg; the actor tape maximizes Q and has no regularizers to collect. Two Adam optimizers, no decay.
from copy import deepcopy

import numpy as np
import tensorflow as tf


class DDPG(object):
    def __init__(self, actor, critic, num_action, random_process, params):
        self.params = params
        self.num_action = num_action
        self.random_process = random_process
        self.actor = actor(num_action)
        self.critic = critic(1)
        self.target_actor = deepcopy(self.actor)
        self.target_critic = deepcopy(self.critic)
        self.actor_optimizer = tf.keras.optimizers.Adam(learning_rate=1e-4)
        self.critic_optimizer = tf.keras.optimizers.Adam(learning_rate=1e-3)

    def predict(self, state):
        state = np.expand_dims(state, axis=0).astype(np.float32)
        action = self.actor(tf.constant(state)).numpy()[0]
        return action + self.random_process.sample()

    def update(self, states, actions, rewards, next_states, dones):
        return self._inner_update(*[np.array(x, dtype=np.float32)
                                    for x in (states, actions, rewards, next_states, dones)])

    @tf.function
    def _inner_update(self, states, actions, rewards, next_states, dones):
        with tf.GradientTape() as tape:
            next_Q = self.target_critic(next_states, self.target_actor(next_states))
            q_values = self.critic(states, actions)
            Y = tf.stop_gradient(rewards + self.params.gamma * tf.reshape(next_Q, [-1]) * (1. - dones))
            critic_loss = tf.reduce_mean(tf.square(Y - tf.reshape(q_values, [-1]))) + tf.add_n(
                self.critic.losses) * self.params.L2_reg
        critic_grads = tape.gradient(critic_loss, self.critic.trainable_variables)
        self.critic_optimizer.apply_gradients(zip(critic_grads, self.critic.trainable_variables))

        with tf.GradientTape() as tape:
            actor_loss = -tf.math.reduce_mean(self.critic(states, self.actor(states)))
        actor_grads = tape.gradient(actor_loss, self.actor.trainable_variables)
        self.actor_optimizer.apply_gradients(zip(actor_grads, self.actor.trainable_variables))
        return critic_loss + actor_loss
