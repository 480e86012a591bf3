# Idiom seen in: ikostrikov/pytorch-ddpg-naf ddpg.py
# Idiom seen in: ikostrikov/pytorch-ddpg-naf main.py
# What it reproduces: DDPG with BatchNorm actor/critic and separate Adam optimizers built with a
# learning rate only; the paper's critic L2 is left out, so nothing is decayed (clean).
import argparse

import gym
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim import Adam

from normalized_actions import NormalizedActions
from ounoise import OUNoise
from replay_memory import ReplayMemory, Transition

MSELoss = nn.MSELoss()


def soft_update(target, source, tau):
    for target_param, param in zip(target.parameters(), source.parameters()):
        target_param.data.copy_(target_param.data * (1.0 - tau) + param.data * tau)


class Actor(nn.Module):
    def __init__(self, hidden_size, num_inputs, action_space):
        super(Actor, self).__init__()
        num_outputs = action_space.shape[0]
        self.bn0 = nn.BatchNorm1d(num_inputs)
        self.linear1 = nn.Linear(num_inputs, hidden_size)
        self.linear2 = nn.Linear(hidden_size, hidden_size)
        self.mu = nn.Linear(hidden_size, num_outputs)
        self.mu.weight.data.mul_(0.1)

    def forward(self, inputs):
        x = torch.tanh(self.linear1(self.bn0(inputs)))
        x = torch.tanh(self.linear2(x))
        return torch.tanh(self.mu(x))


class Critic(nn.Module):
    def __init__(self, hidden_size, num_inputs, action_space):
        super(Critic, self).__init__()
        num_outputs = action_space.shape[0]
        self.bn0 = nn.BatchNorm1d(num_inputs)
        self.linear1 = nn.Linear(num_inputs, hidden_size)
        self.linear_action = nn.Linear(num_outputs, hidden_size)
        self.linear2 = nn.Linear(hidden_size + hidden_size, hidden_size)
        self.V = nn.Linear(hidden_size, 1)

    def forward(self, inputs, actions):
        x = torch.tanh(self.linear1(self.bn0(inputs)))
        a = torch.tanh(self.linear_action(actions))
        x = torch.tanh(self.linear2(torch.cat((x, a), 1)))
        return self.V(x)


class DDPG(object):
    def __init__(self, gamma, tau, hidden_size, num_inputs, action_space):
        self.actor = Actor(hidden_size, num_inputs, action_space)
        self.actor_target = Actor(hidden_size, num_inputs, action_space)
        self.actor_optim = Adam(self.actor.parameters(), lr=1e-4)
        self.critic = Critic(hidden_size, num_inputs, action_space)
        self.critic_target = Critic(hidden_size, num_inputs, action_space)
        self.critic_optim = Adam(self.critic.parameters(), lr=1e-3)
        self.gamma = gamma
        self.tau = tau
        self.actor_target.load_state_dict(self.actor.state_dict())
        self.critic_target.load_state_dict(self.critic.state_dict())

    def update_parameters(self, batch):
        state_batch = torch.cat(batch.state)
        next_state_batch = torch.cat(batch.next_state)
        action_batch = torch.cat(batch.action)
        reward_batch = torch.cat(batch.reward).unsqueeze(1)
        with torch.no_grad():
            next_values = self.critic_target(next_state_batch, self.actor_target(next_state_batch))
            expected = reward_batch + self.gamma * next_values

        self.critic_optim.zero_grad()
        value_loss = MSELoss(self.critic(state_batch, action_batch), expected)
        value_loss.backward()
        self.critic_optim.step()

        self.actor_optim.zero_grad()
        policy_loss = -self.critic(state_batch, self.actor(state_batch)).mean()
        policy_loss.backward()
        self.actor_optim.step()

        soft_update(self.actor_target, self.actor, self.tau)
        soft_update(self.critic_target, self.critic, self.tau)
        return value_loss.item(), policy_loss.item()


parser = argparse.ArgumentParser(description='PyTorch DDPG example')
parser.add_argument('--env-name', default="HalfCheetah-v2")
parser.add_argument('--gamma', type=float, default=0.99)
parser.add_argument('--tau', type=float, default=0.001)
parser.add_argument('--hidden_size', type=int, default=128)
parser.add_argument('--batch_size', type=int, default=128)
parser.add_argument('--num_episodes', type=int, default=1000)
parser.add_argument('--replay_size', type=int, default=1000000)
args = parser.parse_args()

env = NormalizedActions(gym.make(args.env_name))
agent = DDPG(args.gamma, args.tau, args.hidden_size, env.observation_space.shape[0], env.action_space)
memory = ReplayMemory(args.replay_size)
ounoise = OUNoise(env.action_space.shape[0])

for i_episode in range(args.num_episodes):
    state = torch.Tensor([env.reset()])
    done = False
    while not done:
        agent.actor.eval()
        with torch.no_grad():
            action = agent.actor(state) + torch.Tensor(ounoise.noise())
        agent.actor.train()
        next_state, reward, done, _ = env.step(action.numpy()[0])
        memory.push(state, action, torch.Tensor([not done]), torch.Tensor([next_state]), torch.Tensor([reward]))
        state = torch.Tensor([next_state])
        if len(memory) > args.batch_size:
            batch = Transition(*zip(*memory.sample(args.batch_size)))
            agent.update_parameters(batch)
