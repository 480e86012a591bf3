# Idiom seen in: PacktPublishing/Python-Reinforcement-Learning-Projects Chapter09 (DDPG agent driving actor.py / critic.py)
# What it reproduces: the usual DDPG learn() step: critic fitted with train_on_batch (regularized through compile),
# actor updated through its hand-built train_fn (whose loss leaves out the actor's L2 terms, see actor.py).
import numpy as np

from actor import Actor
from critic import Critic
from replay_buffer import ReplayBuffer, OUNoise  # helpers of the project, not in this folder


class DDPG:
    def __init__(self, task, gamma=0.99, tau=0.01, batch_size=64):
        self.task = task
        self.state_size = task.state_size
        self.action_size = task.action_size
        low, high = task.action_low, task.action_high

        self.actor_local = Actor(self.state_size, self.action_size, low, high)
        self.actor_target = Actor(self.state_size, self.action_size, low, high)
        self.critic_local = Critic(self.state_size, self.action_size)
        self.critic_target = Critic(self.state_size, self.action_size)
        self.critic_target.model.set_weights(self.critic_local.model.get_weights())
        self.actor_target.model.set_weights(self.actor_local.model.get_weights())

        self.noise = OUNoise(self.action_size, 0.0, 0.15, 0.2)
        self.memory = ReplayBuffer(100000, batch_size)
        self.gamma, self.tau, self.batch_size = gamma, tau, batch_size

    def act(self, state):
        state = np.reshape(state, [-1, self.state_size])
        action = self.actor_local.model.predict(state)[0]
        return list(action + self.noise.sample())

    def step(self, state, action, reward, next_state, done):
        self.memory.add(state, action, reward, next_state, done)
        if len(self.memory) > self.batch_size:
            self.learn(self.memory.sample())

    def learn(self, experiences):
        states = np.vstack([e.state for e in experiences])
        actions = np.array([e.action for e in experiences]).reshape(-1, self.action_size)
        rewards = np.array([e.reward for e in experiences]).reshape(-1, 1)
        dones = np.array([e.done for e in experiences]).astype(np.uint8).reshape(-1, 1)
        next_states = np.vstack([e.next_state for e in experiences])

        actions_next = self.actor_target.model.predict_on_batch(next_states)
        q_next = self.critic_target.model.predict_on_batch([next_states, actions_next])
        q_targets = rewards + self.gamma * q_next * (1 - dones)
        self.critic_local.model.train_on_batch(x=[states, actions], y=q_targets)

        action_gradients = np.reshape(
            self.critic_local.get_action_gradients([states, actions, 0]), (-1, self.action_size))
        self.actor_local.train_fn([states, action_gradients, 1])

        self.soft_update(self.critic_local.model, self.critic_target.model)
        self.soft_update(self.actor_local.model, self.actor_target.model)

    def soft_update(self, local_model, target_model):
        local_w = np.array(local_model.get_weights())
        target_w = np.array(target_model.get_weights())
        target_model.set_weights(self.tau * local_w + (1 - self.tau) * target_w)
