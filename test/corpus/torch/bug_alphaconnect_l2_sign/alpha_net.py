# Idiom seen in: ajpkim/AlphaConnect alpha_net.py
# What it reproduces: the Connect-4 residual policy/value network trained by trainer.Trainer.
import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBlock(nn.Module):
    def __init__(self):
        super(ConvBlock, self).__init__()
        self.conv1 = nn.Conv2d(3, 126, kernel_size=3, stride=1, padding=1)
        self.bn1 = nn.BatchNorm2d(126)

    def forward(self, x):
        return F.relu(self.bn1(self.conv1(x.view(-1, 3, 6, 7))))


class ResidualBlock(nn.Module):
    def __init__(self):
        super(ResidualBlock, self).__init__()
        self.conv1 = nn.Conv2d(126, 126, kernel_size=3, stride=1, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(126)
        self.conv2 = nn.Conv2d(126, 126, kernel_size=3, stride=1, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(126)

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + x)


class AlphaNet(nn.Module):
    def __init__(self, n_res=5):
        super(AlphaNet, self).__init__()
        self.conv = ConvBlock()
        self.res = nn.Sequential(*[ResidualBlock() for _ in range(n_res)])
        self.value_fc1 = nn.Linear(126 * 6 * 7, 64)
        self.value_fc2 = nn.Linear(64, 1)
        self.policy_fc = nn.Linear(126 * 6 * 7, 7)

    def forward(self, x):
        x = self.res(self.conv(x)).flatten(1)
        v = torch.tanh(self.value_fc2(F.relu(self.value_fc1(x))))
        p = F.softmax(self.policy_fc(x), dim=1)
        return v, p
