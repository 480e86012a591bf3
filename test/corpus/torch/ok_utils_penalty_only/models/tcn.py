# Idiom seen in: hanhanyuyuji/SW-Net-for-few-shot regularizationTest.py (plain biased layers under an explicit L2)
# What it reproduces: a small temporal convolutional regressor with biased Conv1d/Linear layers.
import torch.nn as nn


class TCN(nn.Module):
    def __init__(self, in_channels=8, channels=64, levels=4, horizon=1):
        super().__init__()
        layers = []
        for i in range(levels):
            layers += [nn.Conv1d(in_channels if i == 0 else channels, channels, 3, padding=2 ** i, dilation=2 ** i),
                       nn.ReLU()]
        self.net = nn.Sequential(*layers)
        self.head = nn.Linear(channels, horizon)

    def forward(self, x):
        return self.head(self.net(x)[:, :, -1])
