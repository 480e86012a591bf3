# Idiom seen in: jasoncht1023/ddpg-portfolio-management ddpg/critic_network_fc.py
# Idiom seen in: jasoncht1023/ddpg-portfolio-management ddpg/actor_network_fc.py
# What it reproduces: DDPG networks for portfolio weights that build their own Adam on
#   self.parameters() in __init__, with LayerNorm between layers and no weight decay at all. Clean.
import os

import numpy as np
import torch as T
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


def fan_in_uniform_(layer):
    f = 1. / np.sqrt(layer.weight.data.size()[1])
    nn.init.uniform_(layer.weight.data, -f, f)
    nn.init.uniform_(layer.bias.data, -f, f)


class CriticNetworkFC(nn.Module):
    def __init__(self, learning_rate, n_actions, fc1_dims, fc2_dims, fc3_dims, name):
        super().__init__()
        self.name = name
        input_size = (n_actions - 1) * 7 + n_actions
        self.fc1, self.bn1 = nn.Linear(input_size, fc1_dims), nn.LayerNorm(fc1_dims)
        self.fc2, self.bn2 = nn.Linear(fc1_dims, fc2_dims), nn.LayerNorm(fc2_dims)
        self.fc3, self.bn3 = nn.Linear(fc2_dims, fc3_dims), nn.LayerNorm(fc3_dims)
        for layer in (self.fc1, self.fc2, self.fc3):
            fan_in_uniform_(layer)
        self.action_value = nn.Linear(n_actions, fc3_dims)
        self.q = nn.Linear(fc3_dims, 1)
        T.nn.init.uniform_(self.q.weight.data, -0.0003, 0.0003)
        T.nn.init.uniform_(self.q.bias.data, -0.0003, 0.0003)
        self.optimizer = optim.Adam(self.parameters(), lr=learning_rate)
        self.device = T.device("cpu")
        self.to(self.device)

    def forward(self, state, action):
        x = F.relu(self.bn1(self.fc1(state)))
        x = F.relu(self.bn2(self.fc2(x)))
        x = self.bn3(self.fc3(x))
        return self.q(F.relu(T.add(x, F.relu(self.action_value(action)))))

    def save_checkpoint(self, saving_dir):
        T.save(self.state_dict(), os.path.join(saving_dir, self.name))


class ActorNetworkFC(nn.Module):
    def __init__(self, learning_rate, n_actions, fc1_dims, fc2_dims, fc3_dims, name):
        super().__init__()
        self.name = name
        input_size = (n_actions - 1) * 7 + n_actions
        self.fc1, self.bn1 = nn.Linear(input_size, fc1_dims), nn.LayerNorm(fc1_dims)
        self.fc2, self.bn2 = nn.Linear(fc1_dims, fc2_dims), nn.LayerNorm(fc2_dims)
        self.fc3, self.bn3 = nn.Linear(fc2_dims, fc3_dims), nn.LayerNorm(fc3_dims)
        for layer in (self.fc1, self.fc2, self.fc3):
            fan_in_uniform_(layer)
        self.mu = nn.Linear(fc3_dims, n_actions)
        self.optimizer = optim.Adam(self.parameters(), lr=learning_rate)
        self.device = T.device("cpu")
        self.to(self.device)

    def forward(self, state):
        x = F.relu(self.bn1(self.fc1(state)))
        x = F.relu(self.bn2(self.fc2(x)))
        x = F.relu(self.bn3(self.fc3(x)))
        return self.mu(x)
