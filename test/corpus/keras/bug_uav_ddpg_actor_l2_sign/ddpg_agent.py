# Idiom seen in: Kushagrkapoor/UAVNav ddpg_agent.py
# What it reproduces: DDPGAgent.train with two GradientTapes (critic MSE, actor -mean(Q)). Realistic
#   addition with a sign slip: an L2 penalty on the actor kernels is written next to the negated Q and
#   subtracted too, so minimizing the actor loss grows the actor weights (negative decay).
import random

import numpy as np
import tensorflow as tf

from actor import Actor
from critic import Critic

ACTOR_L2 = 1e-3


class DDPGAgent:
    def __init__(self, state_dim, action_dim, action_high):
        self.actor = Actor(action_dim)
        self.target_actor = Actor(action_dim)
        self.critic = Critic()
        self.target_critic = Critic()
        self.actor_optimizer = tf.keras.optimizers.Adam(learning_rate=0.001)
        self.critic_optimizer = tf.keras.optimizers.Adam(learning_rate=0.002)
        self.action_high = action_high
        self.buffer = []

    def get_action(self, state):
        state = np.expand_dims(state, axis=0)
        action = self.actor(state).numpy()
        action += np.random.normal(0, 0.1, size=action.shape)
        action = np.clip(action, -1, 1)
        return action[0] * self.action_high

    def remember(self, state, action, reward, next_state, done):
        self.buffer.append((state, action, reward, next_state, done))

    def train(self, batch_size=64, gamma=0.99, tau=0.001):
        if len(self.buffer) < batch_size:
            return
        minibatch = random.sample(self.buffer, batch_size)
        states, actions, rewards, next_states, dones = map(np.array, zip(*minibatch))
        states = states.astype(np.float32)
        actions = actions.astype(np.float32)
        rewards = rewards.astype(np.float32)[:, None]
        next_states = next_states.astype(np.float32)
        dones = dones.astype(np.float32)[:, None]

        with tf.GradientTape() as tape:
            target_actions = self.target_actor(next_states)
            target_q_values = rewards + gamma * (1 - dones) * self.target_critic(next_states, target_actions)
            predicted_q_values = self.critic(states, actions)
            critic_loss = tf.reduce_mean(tf.square(target_q_values - predicted_q_values))
        critic_grads = tape.gradient(critic_loss, self.critic.trainable_variables)
        self.critic_optimizer.apply_gradients(zip(critic_grads, self.critic.trainable_variables))

        with tf.GradientTape() as tape:
            actions_pred = self.actor(states)
            l2 = tf.add_n([tf.nn.l2_loss(w) for w in self.actor.trainable_variables if 'kernel' in w.name])
            actor_loss = -tf.reduce_mean(self.critic(states, actions_pred)) - ACTOR_L2 * l2  # expect: WD302
        actor_grads = tape.gradient(actor_loss, self.actor.trainable_variables)
        self.actor_optimizer.apply_gradients(zip(actor_grads, self.actor.trainable_variables))

        self.update_target_networks(tau)

    def update_target_networks(self, tau):
        self.target_actor.set_weights([tau * w + (1 - tau) * tw for w, tw in
                                       zip(self.actor.get_weights(), self.target_actor.get_weights())])
        self.target_critic.set_weights([tau * w + (1 - tau) * tw for w, tw in
                                        zip(self.critic.get_weights(), self.target_critic.get_weights())])


if __name__ == '__main__':
    from env import UAVEnv
    env = UAVEnv()
    agent = DDPGAgent(env.state_dim, env.action_dim, env.action_high)
    for episode in range(500):
        state = env.reset()
        done = False
        while not done:
            action = agent.get_action(state)
            next_state, reward, done, _ = env.step(action)
            agent.remember(state, action, reward, next_state, done)
            agent.train()
            state = next_state
