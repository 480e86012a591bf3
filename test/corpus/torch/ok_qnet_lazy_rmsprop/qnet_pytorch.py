# Idiom seen in: keithyin/mycodes UniverseDemo/nets/qnet_pytorch.py
# Idiom seen in: keithyin/mycodes UniverseDemo/dqn_pytorch.py
# What it reproduces: a Q-network that builds its own optim.RMSprop(self.parameters(), lr=1e-5) lazily in
# get_optimizer(), no weight_decay anywhere; the TD loss is a squared error of Q values: clean.
import math
import torch
import torch.nn as nn
from torch import optim


class Flatten(nn.Module):
    def forward(self, x):
        return x.view(x.size(0), -1)


class QNetwork(nn.Module):
    """Q-network, the inputs is [batch_size, 12, 128, 199]"""

    def __init__(self, num_actions=2):
        super(QNetwork, self).__init__()
        relu = nn.ReLU(inplace=True)
        self.block = nn.Sequential(
            nn.Conv2d(in_channels=12, out_channels=32, kernel_size=8, stride=4, padding=2),
            nn.BatchNorm2d(num_features=32, affine=False),
            relu,
            nn.Conv2d(in_channels=32, out_channels=64, kernel_size=7, stride=4, padding=3),
            nn.BatchNorm2d(num_features=64, affine=False),
            relu,
            nn.AdaptiveAvgPool2d((2, 4)),
            Flatten(),
            nn.Linear(in_features=2 * 4 * 64, out_features=512),
            nn.BatchNorm1d(num_features=512),
            relu,
            nn.Linear(in_features=512, out_features=num_actions))
        self.optimizer = None

    def forward(self, inputs):
        return self.block(inputs)

    def get_optimizer(self):
        if self.optimizer is None:
            self.optimizer = optim.RMSprop(self.parameters(), lr=1e-5)
            return self.optimizer
        else:
            return self.optimizer

    def save_model(self, file_path):
        torch.save(self.state_dict(), file_path)
