# Idiom seen in: takeru1205/TD3_PyTorch model.py
# What it reproduces: TD3 actor (returns the pre-tanh output too) and twin-Q critic.
import torch
import torch.nn as nn
import torch.nn.functional as F


class Actor(nn.Module):
    def __init__(self, state_dim, action_dim, hidden=256):
        super(Actor, self).__init__()
        self.l1 = nn.Linear(state_dim, hidden)
        self.l2 = nn.Linear(hidden, hidden)
        self.l3 = nn.Linear(hidden, action_dim)

    def forward(self, state, with_preact=False):
        a = F.relu(self.l1(state))
        a = F.relu(self.l2(a))
        pre = self.l3(a)
        return (torch.tanh(pre), pre) if with_preact else torch.tanh(pre)


class Critic(nn.Module):
    def __init__(self, state_dim, action_dim, hidden=256):
        super(Critic, self).__init__()
        self.q1 = nn.Sequential(nn.Linear(state_dim + action_dim, hidden), nn.ReLU(),
                                nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 1))
        self.q2 = nn.Sequential(nn.Linear(state_dim + action_dim, hidden), nn.ReLU(),
                                nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, state, action):
        sa = torch.cat([state, action], 1)
        return self.q1(sa), self.q2(sa)

    def Q1(self, state, action):
        return self.q1(torch.cat([state, action], 1))
