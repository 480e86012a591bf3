# Idiom seen in: ethanvillalovoz/ddpg-paper-reimplementation src/ddpg_agent.py
# What it reproduces: the repository's tf.function train_step with the critic's regularization losses summed
# into the TD loss that the critic tape differentiates (the actor has no regularizers). Clean.
import numpy as np
import tensorflow as tf

from buffer import ReplayBuffer  # not in this workspace
from networks import ActorNetwork, Critic
from noise import OrnsteinUhlenbeckActionNoise  # not in this workspace


class DDPGAgent:
    def __init__(self, alpha, beta, input_dims, tau, env, gamma=0.99, n_actions=2,
                 max_size=1000000, batch_size=64, layer1_size=400, layer2_size=300):
        self.gamma = gamma
        self.tau = tau
        self.batch_size = batch_size
        self.env = env
        self.memory = ReplayBuffer(max_size, input_dims, n_actions)
        self.actor = ActorNetwork(n_actions, layer1_size, layer2_size, input_dims, env.action_space.high)
        self.critic = Critic(layer1_size, layer2_size, input_dims, n_actions)
        self.target_actor = ActorNetwork(n_actions, layer1_size, layer2_size, input_dims, env.action_space.high)
        self.target_critic = Critic(layer1_size, layer2_size, input_dims, n_actions)
        self.noise = OrnsteinUhlenbeckActionNoise(mu=np.zeros(n_actions))
        self.actor_optimizer = tf.keras.optimizers.Adam(learning_rate=alpha)
        self.critic_optimizer = tf.keras.optimizers.Adam(learning_rate=beta)
        self.update_network_parameters(tau=1.0)

    def update_network_parameters(self, tau=None):
        if tau is None:
            tau = self.tau
        for t, p in zip(self.target_actor.trainable_variables, self.actor.trainable_variables):
            t.assign(tau * p + (1 - tau) * t)
        for t, p in zip(self.target_critic.trainable_variables, self.critic.trainable_variables):
            t.assign(tau * p + (1 - tau) * t)

    @tf.function
    def train_step(self, state, action, reward, new_state, done):
        with tf.GradientTape() as tape:
            target_actions = self.target_actor(new_state)
            target_critic_value = tf.squeeze(self.target_critic(new_state, target_actions), 1)
            y = reward + self.gamma * target_critic_value * (1 - done)
            critic_value = tf.squeeze(self.critic(state, action), 1)
            critic_loss = tf.keras.losses.MSE(y, critic_value) + tf.add_n(self.critic.losses)
        critic_grad = tape.gradient(critic_loss, self.critic.trainable_variables)
        self.critic_optimizer.apply_gradients(zip(critic_grad, self.critic.trainable_variables))

        with tf.GradientTape() as tape:
            new_policy_actions = self.actor(state)
            actor_loss = -tf.reduce_mean(self.critic(state, new_policy_actions))
        actor_grad = tape.gradient(actor_loss, self.actor.trainable_variables)
        self.actor_optimizer.apply_gradients(zip(actor_grad, self.actor.trainable_variables))

    def learn(self):
        if self.memory.mem_cntr < self.batch_size:
            return
        state, action, reward, new_state, done = self.memory.sample_buffer(self.batch_size)
        self.train_step(state, action, reward, new_state, done)
        self.update_network_parameters()
