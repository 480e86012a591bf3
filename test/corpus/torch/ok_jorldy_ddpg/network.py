# Idiom seen in: kakaoenterprise/JORLDY jorldy/core/network/ddpg.py
# What it reproduces: the DDPG actor and critic MLPs (biased Linear layers).
import torch
import torch.nn as nn
import torch.nn.functional as F


class DDPG_Actor(nn.Module):
    def __init__(self, D_in, D_out, D_hidden=512):
        super().__init__()
        self.l1 = nn.Linear(D_in, D_hidden)
        self.l2 = nn.Linear(D_hidden, D_hidden)
        self.mu = nn.Linear(D_hidden, D_out)

    def forward(self, x):
        x = F.relu(self.l1(x))
        x = F.relu(self.l2(x))
        return torch.tanh(self.mu(x))


class DDPG_Critic(nn.Module):
    def __init__(self, D_in1, D_in2, D_hidden=512):
        super().__init__()
        self.l1 = nn.Linear(D_in1, D_hidden)
        self.l2 = nn.Linear(D_hidden + D_in2, D_hidden)
        self.q = nn.Linear(D_hidden, 1)

    def forward(self, x1, x2):
        x = F.relu(self.l1(x1))
        x = torch.cat([x, x2], dim=-1)
        x = F.relu(self.l2(x))
        return self.q(x)
