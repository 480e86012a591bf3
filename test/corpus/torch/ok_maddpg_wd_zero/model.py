# Idiom seen in: mrdvince/collaboration_competition agent.py
# Idiom seen in: mrdvince/collaboration_competition config.py
# What it reproduces: MADDPG agent whose critic Adam gets weight_decay=WEIGHT_DECAY read from config.py,
# where WEIGHT_DECAY = 0: no decay at all, so no coupled-L2 or bias-decay finding: clean.
import torch
import torch.nn as nn
import torch.nn.functional as F


class Actor(nn.Module):
    def __init__(self, state_size, action_size, seed, fc1_units=256, fc2_units=128):
        super(Actor, self).__init__()
        self.seed = torch.manual_seed(seed)
        self.fc1 = nn.Linear(state_size, fc1_units)
        self.fc2 = nn.Linear(fc1_units, fc2_units)
        self.fc3 = nn.Linear(fc2_units, action_size)

    def forward(self, state):
        return torch.tanh(self.fc3(F.relu(self.fc2(F.relu(self.fc1(state))))))


class Critic(nn.Module):
    def __init__(self, state_size, action_size, seed, fc1_units=256, fc2_units=128):
        super(Critic, self).__init__()
        self.seed = torch.manual_seed(seed)
        self.fc1 = nn.Linear(state_size, fc1_units)
        self.bn1 = nn.BatchNorm1d(fc1_units)
        self.fc2 = nn.Linear(fc1_units + action_size, fc2_units)
        self.fc3 = nn.Linear(fc2_units, 1)

    def forward(self, state, action):
        xs = F.relu(self.bn1(self.fc1(state)))
        return self.fc3(F.relu(self.fc2(torch.cat((xs, action), dim=1))))
