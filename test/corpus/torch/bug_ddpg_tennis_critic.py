# Idiom seen in: beeandbo/rl-tennis ddpg_agent.py
# Idiom seen in: beeandbo/rl-tennis critic_network.py
# What it reproduces: the DDPG paper's "L2 weight decay on the critic" written as Adam(weight_decay=CRITIC_WEIGHT_DECAY)
#   (real repo): coupled L2 scaled away by Adam's sqrt(v), applied to the critic's biases as well.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

from ornstein_uhlenbeck_process import OrnsteinUhlenbeckProcess
from replay_buffer import ReplayBuffer

REPLAY_BUFFER_SIZE = 10**6
BATCH_SIZE = 128
STEPS_BETWEEN_TRAINING = 10 * 20
ITERATIONS_PER_TRAINING = 10
GAMMA = 0.99
ACTOR_LEARNING_RATE = 1e-4
CRITIC_LEARNING_RATE = 1e-3
TAU = 0.001
# Weight decay term used for training the critic network
CRITIC_WEIGHT_DECAY = 0.0001


class ActorNetwork(nn.Module):
    def __init__(self, state_dim, action_dim, hidden=64):
        super().__init__()
        self.fc1 = nn.Linear(state_dim, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.output_layer = nn.Linear(hidden, action_dim)

    def forward(self, states):
        return torch.tanh(self.output_layer(F.relu(self.fc2(F.relu(self.fc1(states))))))


class CriticNetwork(nn.Module):
    def __init__(self, state_dim, action_dim, hidden=64):
        super().__init__()
        self.fc1 = nn.Linear(state_dim, hidden)
        self.fc2 = nn.Linear(hidden + action_dim, hidden)
        self.output_layer = nn.Linear(hidden, 1)
        self.output_layer.weight.data.uniform_(-3e-3, 3e-3)

    def forward(self, states, actions):
        x = F.relu(self.fc1(states))
        x = F.relu(self.fc2(torch.cat((x, actions), dim=1)))
        return self.output_layer(x)


class DDPGAgent():
    def __init__(self, state_size, action_size, num_agents):
        self.local_actor_network = ActorNetwork(state_size, action_size)
        self.target_actor_network = ActorNetwork(state_size, action_size)
        self.actor_optimizer = optim.Adam(self.local_actor_network.parameters(), lr=ACTOR_LEARNING_RATE)

        self.local_critic_network = CriticNetwork(state_size, action_size)
        self.target_critic_network = CriticNetwork(state_size, action_size)
        self.critic_optimizer = optim.Adam(self.local_critic_network.parameters(), lr=CRITIC_LEARNING_RATE, weight_decay=CRITIC_WEIGHT_DECAY)  # expect: WD202, WD203

        self.replay_buffer = ReplayBuffer(action_size, REPLAY_BUFFER_SIZE, None)
        self.random_process = OrnsteinUhlenbeckProcess((num_agents, action_size), sigma=0.2, theta=0.15)
        self.steps = 0

    def soft_update(self, target_parameters, local_parameters):
        for target, local in zip(target_parameters, local_parameters):
            target.data.copy_(TAU * local.data + (1.0 - TAU) * target.data)

    def train(self, experiences):
        states, actions, rewards, next_states, dones = experiences
        rewards = (rewards - rewards.mean(0)) / (rewards.std(0) + 1e-5)

        next_actions = self.target_actor_network(next_states)
        q_target = rewards + GAMMA * self.target_critic_network(next_states, next_actions) * (1 - dones)
        q_predicted = self.local_critic_network(states, actions)
        critic_loss = F.mse_loss(q_predicted, q_target.detach())
        self.critic_optimizer.zero_grad()
        critic_loss.backward()
        torch.nn.utils.clip_grad_norm_(self.local_critic_network.parameters(), 1)
        self.critic_optimizer.step()

        actions_predicted = self.local_actor_network(states)
        policy_loss = -self.local_critic_network(states, actions_predicted).mean()
        self.actor_optimizer.zero_grad()
        policy_loss.backward()
        self.actor_optimizer.step()

        self.soft_update(self.target_actor_network.parameters(), self.local_actor_network.parameters())
        self.soft_update(self.target_critic_network.parameters(), self.local_critic_network.parameters())

    def learn(self, experience):
        self.replay_buffer.add(experience)
        self.steps += 1
        if self.steps % STEPS_BETWEEN_TRAINING == 0 and len(self.replay_buffer) >= BATCH_SIZE:
            for i in range(ITERATIONS_PER_TRAINING):
                self.train(self.replay_buffer.sample(BATCH_SIZE))
