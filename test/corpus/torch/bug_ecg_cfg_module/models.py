# Idiom seen in: latte488/pytorch_trainer models/dnn.py
# What it reproduces: the plain 8-layer MLP for ECG beats; every nn.Linear keeps its bias.
import torch
from torch import nn


class DNN(nn.Module):
    def __init__(self, input_size, output_size, width=1024, depth=7):
        super(DNN, self).__init__()
        layers = [nn.Linear(input_size, width), nn.ReLU(inplace=True)]
        for _ in range(depth - 1):
            layers += [nn.Linear(width, width), nn.ReLU(inplace=True)]
        layers.append(nn.Linear(width, output_size))
        self.linears = nn.Sequential(*layers)

    def forward(self, x):
        x = x.flatten(1)
        return self.linears(x)
