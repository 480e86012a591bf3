# Idiom seen in: KaiyangZhou/pytorch-center-loss models.py
# Idiom seen in: KaiyangZhou/pytorch-center-loss main.py
# What it reproduces: LeNet++ from the center-loss paper: convs with biases and a PReLU after each,
#   a 2-d feature layer and a linear classifier.
import torch.nn as nn
from torch.nn import functional as F


class ConvNet(nn.Module):
    """LeNet++ as described in the Center Loss paper."""

    def __init__(self, num_classes):
        super(ConvNet, self).__init__()
        self.conv1_1 = nn.Conv2d(1, 32, 5, stride=1, padding=2)
        self.prelu1_1 = nn.PReLU()
        self.conv1_2 = nn.Conv2d(32, 32, 5, stride=1, padding=2)
        self.prelu1_2 = nn.PReLU()
        self.conv2_1 = nn.Conv2d(32, 64, 5, stride=1, padding=2)
        self.prelu2_1 = nn.PReLU()
        self.conv2_2 = nn.Conv2d(64, 64, 5, stride=1, padding=2)
        self.prelu2_2 = nn.PReLU()
        self.conv3_1 = nn.Conv2d(64, 128, 5, stride=1, padding=2)
        self.prelu3_1 = nn.PReLU()
        self.conv3_2 = nn.Conv2d(128, 128, 5, stride=1, padding=2)
        self.prelu3_2 = nn.PReLU()
        self.fc1 = nn.Linear(128 * 3 * 3, 2)
        self.prelu_fc1 = nn.PReLU()
        self.fc2 = nn.Linear(2, num_classes)

    def forward(self, x):
        x = F.max_pool2d(self.prelu1_2(self.conv1_2(self.prelu1_1(self.conv1_1(x)))), 2)
        x = F.max_pool2d(self.prelu2_2(self.conv2_2(self.prelu2_1(self.conv2_1(x)))), 2)
        x = F.max_pool2d(self.prelu3_2(self.conv3_2(self.prelu3_1(self.conv3_1(x)))), 2)
        x = x.view(-1, 128 * 3 * 3)
        x = self.prelu_fc1(self.fc1(x))
        y = self.fc2(x)
        return x, y


__factory = {
    'cnn': ConvNet,
}


def create(name, num_classes):
    if name not in __factory:
        raise KeyError("Unknown model: {}".format(name))
    return __factory[name](num_classes)
