# Idiom seen in: chingyaoc/pytorch-REINFORCE reinforce_discrete.py
# Idiom seen in: chingyaoc/pytorch-REINFORCE main.py
# What it reproduces: REINFORCE agent whose update_parameters builds the loss by subtracting terms
# (loss = loss - log_prob*R - 1e-4*entropy); user mistake: the L2 on the policy weights is subtracted the same way: negative decay.
import argparse

import gym
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torch.nn.utils as utils

parser = argparse.ArgumentParser(description='PyTorch REINFORCE example')
parser.add_argument('--env_name', type=str, default='CartPole-v0')
parser.add_argument('--gamma', type=float, default=0.99)
parser.add_argument('--seed', type=int, default=123)
parser.add_argument('--num_steps', type=int, default=1000)
parser.add_argument('--num_episodes', type=int, default=2000)
parser.add_argument('--hidden_size', type=int, default=128)
parser.add_argument('--l2_coef', type=float, default=1e-4)
args = parser.parse_args()


class Policy(nn.Module):
    def __init__(self, hidden_size, num_inputs, action_space):
        super(Policy, self).__init__()
        self.linear1 = nn.Linear(num_inputs, hidden_size)
        self.linear2 = nn.Linear(hidden_size, action_space.n)

    def forward(self, inputs):
        return F.softmax(self.linear2(F.relu(self.linear1(inputs))), dim=-1)


class REINFORCE:
    def __init__(self, hidden_size, num_inputs, action_space):
        self.model = Policy(hidden_size, num_inputs, action_space)
        self.optimizer = optim.Adam(self.model.parameters(), lr=1e-3)

    def select_action(self, state):
        probs = self.model(state)
        action = probs.multinomial(1).data
        prob = probs[:, action[0, 0]].view(1, -1)
        return action[0], prob.log(), -(probs * probs.log()).sum()

    def update_parameters(self, rewards, log_probs, entropies, gamma):
        R = torch.zeros(1, 1)
        loss = 0
        for i in reversed(range(len(rewards))):
            R = gamma * R + rewards[i]
            loss = loss - (log_probs[i] * R).sum() - (0.0001 * entropies[i]).sum()
        loss = loss / len(rewards)
        l2 = torch.norm(self.model.linear1.weight) ** 2 + torch.norm(self.model.linear2.weight) ** 2
        loss = loss - args.l2_coef * l2  # expect: WD302
        self.optimizer.zero_grad()
        loss.backward()
        utils.clip_grad_norm_(self.model.parameters(), 40)
        self.optimizer.step()


env = gym.make(args.env_name)
env.seed(args.seed)
torch.manual_seed(args.seed)
np.random.seed(args.seed)
agent = REINFORCE(args.hidden_size, env.observation_space.shape[0], env.action_space)

for i_episode in range(args.num_episodes):
    state = torch.Tensor([env.reset()])
    entropies, log_probs, rewards = [], [], []
    for t in range(args.num_steps):
        action, log_prob, entropy = agent.select_action(state)
        next_state, reward, done, _ = env.step(action.numpy()[0])
        entropies.append(entropy)
        log_probs.append(log_prob)
        rewards.append(reward)
        state = torch.Tensor([next_state])
        if done:
            break
    agent.update_parameters(rewards, log_probs, entropies, args.gamma)
