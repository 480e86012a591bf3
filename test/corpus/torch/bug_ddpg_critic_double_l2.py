# Idiom seen in: ghliu/pytorch-ddpg ddpg.py
# Idiom seen in: ghliu/pytorch-ddpg model.py
# What it reproduces: a DDPG agent class with separate actor/critic Adam optimizers and update_policy();
#   the user adds the paper's critic L2 (1e-2) twice: as the critic Adam's weight_decay and as a
#   hand-written sum of squares in value_loss (a realistic mistake; the repo itself has no critic decay).
import argparse
from copy import deepcopy

import numpy as np
import torch
import torch.nn as nn
from torch.optim import Adam

from memory import SequentialMemory
from random_process import OrnsteinUhlenbeckProcess

criterion = nn.MSELoss()


class Actor(nn.Module):
    def __init__(self, nb_states, nb_actions, hidden1=400, hidden2=300):
        super().__init__()
        self.fc1 = nn.Linear(nb_states, hidden1)
        self.fc2 = nn.Linear(hidden1, hidden2)
        self.fc3 = nn.Linear(hidden2, nb_actions)

    def forward(self, x):
        return torch.tanh(self.fc3(torch.relu(self.fc2(torch.relu(self.fc1(x))))))


class Critic(nn.Module):
    def __init__(self, nb_states, nb_actions, hidden1=400, hidden2=300):
        super().__init__()
        self.fc1 = nn.Linear(nb_states, hidden1)
        self.fc2 = nn.Linear(hidden1 + nb_actions, hidden2)
        self.fc3 = nn.Linear(hidden2, 1)

    def forward(self, xs):
        x, a = xs
        out = torch.relu(self.fc1(x))
        out = torch.relu(self.fc2(torch.cat([out, a], 1)))
        return self.fc3(out)


def soft_update(target, source, tau):
    for target_param, param in zip(target.parameters(), source.parameters()):
        target_param.data.copy_(target_param.data * (1.0 - tau) + param.data * tau)


class DDPG(object):
    def __init__(self, nb_states, nb_actions, args):
        self.actor = Actor(nb_states, nb_actions)
        self.actor_target = deepcopy(self.actor)
        self.actor_optim = Adam(self.actor.parameters(), lr=args.prate)
        self.critic = Critic(nb_states, nb_actions)
        self.critic_target = deepcopy(self.critic)
        self.critic_optim = Adam(self.critic.parameters(), lr=args.rate, weight_decay=args.l2)  # expect: WD202, WD203
        self.l2 = args.l2
        self.memory = SequentialMemory(limit=args.rmsize, window_length=args.window_length)
        self.random_process = OrnsteinUhlenbeckProcess(size=nb_actions, theta=args.ou_theta, mu=args.ou_mu,
                                                       sigma=args.ou_sigma)
        self.batch_size = args.bsize
        self.tau = args.tau
        self.discount = args.discount

    def update_policy(self):
        state_batch, action_batch, reward_batch, next_state_batch, terminal_batch = \
            self.memory.sample_and_split(self.batch_size)
        state_batch = torch.as_tensor(state_batch, dtype=torch.float32)
        action_batch = torch.as_tensor(action_batch, dtype=torch.float32)
        next_state_batch = torch.as_tensor(next_state_batch, dtype=torch.float32)
        with torch.no_grad():
            next_q_values = self.critic_target([next_state_batch, self.actor_target(next_state_batch)])
            target_q_batch = torch.as_tensor(reward_batch, dtype=torch.float32) + \
                self.discount * torch.as_tensor(terminal_batch.astype(np.float32)) * next_q_values

        self.critic.zero_grad()
        q_batch = self.critic([state_batch, action_batch])
        critic_l2 = sum(p.pow(2).sum() for p in self.critic.parameters())  # expect: WD201
        value_loss = criterion(q_batch, target_q_batch) + 0.5 * self.l2 * critic_l2
        value_loss.backward()
        self.critic_optim.step()

        self.actor.zero_grad()
        policy_loss = -self.critic([state_batch, self.actor(state_batch)]).mean()
        policy_loss.backward()
        self.actor_optim.step()

        soft_update(self.actor_target, self.actor, self.tau)
        soft_update(self.critic_target, self.critic, self.tau)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description='PyTorch DDPG')
    parser.add_argument('--rate', default=0.001, type=float, help='critic learning rate')
    parser.add_argument('--prate', default=0.0001, type=float, help='policy learning rate')
    parser.add_argument('--l2', default=0.01, type=float, help='critic L2 (DDPG paper)')
    parser.add_argument('--rmsize', default=6000000, type=int)
    parser.add_argument('--window_length', default=1, type=int)
    parser.add_argument('--bsize', default=64, type=int)
    parser.add_argument('--tau', default=0.001, type=float)
    parser.add_argument('--discount', default=0.99, type=float)
    parser.add_argument('--ou_theta', default=0.15, type=float)
    parser.add_argument('--ou_sigma', default=0.2, type=float)
    parser.add_argument('--ou_mu', default=0.0, type=float)
    args = parser.parse_args()
    agent = DDPG(3, 1, args)
    for step in range(100000):
        agent.update_policy()
