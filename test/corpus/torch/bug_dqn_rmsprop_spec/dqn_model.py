# Idiom seen in: hungtuchen/pytorch-dqn main.py
# Idiom seen in: hungtuchen/pytorch-dqn dqn_learn.py
# What it reproduces: OptimizerSpec(constructor, kwargs) splatted into constructor(Q.parameters(), **kwargs); the user
#   switches to RMSprop and adds weight_decay to the kwargs (user mistake in the repo idiom): coupled L2 under RMSprop,
#   on the Q-network biases too.
import torch.nn as nn
import torch.nn.functional as F


class DQN_RAM(nn.Module):
    def __init__(self, in_features=4, num_actions=18):
        super(DQN_RAM, self).__init__()
        self.fc1 = nn.Linear(in_features, 256)
        self.fc2 = nn.Linear(256, 128)
        self.fc3 = nn.Linear(128, 64)
        self.fc4 = nn.Linear(64, num_actions)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = F.relu(self.fc3(x))
        return self.fc4(x)
