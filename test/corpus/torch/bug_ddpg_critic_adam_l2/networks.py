# Idiom seen in: philtabor/Actor-Critic-Methods-Paper-To-Code DDPG/networks.py
# Idiom seen in: philtabor/Actor-Critic-Methods-Paper-To-Code DDPG/ddpg_torch.py
# What it reproduces: the DDPG paper's "L2 weight decay of 1e-2 for Q" put into the critic's own
#   torch.optim.Adam(self.parameters(), weight_decay=0.01): coupled L2 under Adam (WD202), and the
#   single group also decays the LayerNorm gains and every bias of the critic (WD203). Real repo bug.
import os

import numpy as np
import torch as T
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


def _fan_in_uniform(layer, bound=None):
    f = bound if bound is not None else 1. / np.sqrt(layer.weight.data.size()[0])
    layer.weight.data.uniform_(-f, f)
    layer.bias.data.uniform_(-f, f)


class CriticNetwork(nn.Module):
    def __init__(self, beta, input_dims, fc1_dims, fc2_dims, n_actions, name,
                 chkpt_dir='tmp/ddpg'):
        super(CriticNetwork, self).__init__()
        self.name = name
        self.checkpoint_file = os.path.join(chkpt_dir, name + '_ddpg')

        self.fc1 = nn.Linear(*input_dims, fc1_dims)
        self.fc2 = nn.Linear(fc1_dims, fc2_dims)
        self.ln1 = nn.LayerNorm(fc1_dims)
        self.ln2 = nn.LayerNorm(fc2_dims)
        self.action_value = nn.Linear(n_actions, fc2_dims)
        self.q = nn.Linear(fc2_dims, 1)

        _fan_in_uniform(self.fc1)
        _fan_in_uniform(self.fc2)
        _fan_in_uniform(self.action_value)
        _fan_in_uniform(self.q, 0.003)

        self.optimizer = optim.Adam(self.parameters(), lr=beta,  # expect: WD203
                                    weight_decay=0.01)  # expect: WD202
        self.device = T.device('cuda:0' if T.cuda.is_available() else 'cpu')
        self.to(self.device)

    def forward(self, state, action):
        state_value = F.relu(self.ln1(self.fc1(state)))
        state_value = self.ln2(self.fc2(state_value))
        action_value = self.action_value(action)
        return self.q(F.relu(T.add(state_value, action_value)))

    def save_checkpoint(self):
        T.save(self.state_dict(), self.checkpoint_file)


class ActorNetwork(nn.Module):
    def __init__(self, alpha, input_dims, fc1_dims, fc2_dims, n_actions, name,
                 chkpt_dir='tmp/ddpg'):
        super(ActorNetwork, self).__init__()
        self.name = name
        self.checkpoint_file = os.path.join(chkpt_dir, name + '_ddpg')

        self.fc1 = nn.Linear(*input_dims, fc1_dims)
        self.fc2 = nn.Linear(fc1_dims, fc2_dims)
        self.ln1 = nn.LayerNorm(fc1_dims)
        self.ln2 = nn.LayerNorm(fc2_dims)
        self.mu = nn.Linear(fc2_dims, n_actions)

        _fan_in_uniform(self.fc1)
        _fan_in_uniform(self.fc2)
        _fan_in_uniform(self.mu, 0.003)

        self.optimizer = optim.Adam(self.parameters(), lr=alpha)
        self.device = T.device('cuda:0' if T.cuda.is_available() else 'cpu')
        self.to(self.device)

    def forward(self, state):
        x = F.relu(self.ln1(self.fc1(state)))
        x = F.relu(self.ln2(self.fc2(x)))
        return T.tanh(self.mu(x))

    def save_checkpoint(self):
        T.save(self.state_dict(), self.checkpoint_file)
