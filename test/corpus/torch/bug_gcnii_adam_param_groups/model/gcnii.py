# Idiom seen in: THUDM/IGB model/gcnii.py
# Idiom seen in: THUDM/IGB scripts/run_GCNII_Flickr.sh
# What it reproduces: GCNII keeps conv_parameters / fc_parameters lists and the script builds torch Adam with
# two param groups decayed by --wd1 / --wd2: coupled L2 under Adam in both groups, and the fc group holds
# the nn.Linear biases, so they are decayed too.
import math

import torch
import torch.nn as nn


class GCNIILayer(nn.Module):
    """Initial residual + identity mapping graph convolution (no bias)."""

    def __init__(self, hidden, alpha, beta):
        super().__init__()
        self.alpha, self.beta = alpha, beta
        self.weight = nn.Parameter(torch.empty(hidden, hidden))
        stdv = 1.0 / math.sqrt(hidden)
        self.weight.data.uniform_(-stdv, stdv)

    def forward(self, adj, h, h0):
        support = (1 - self.alpha) * torch.sparse.mm(adj, h) + self.alpha * h0
        return self.beta * (support @ self.weight) + (1 - self.beta) * support


class GCNII(nn.Module):
    def __init__(self, in_channels, hidden_channels, out_channels, num_layers=64, dropout=0.5,
                 alpha=0.2, lmbda=0.5):
        super().__init__()
        self.fc_layers = nn.ModuleList([nn.Linear(in_channels, hidden_channels),
                                        nn.Linear(hidden_channels, out_channels)])
        self.layers = nn.ModuleList(
            GCNIILayer(hidden_channels, alpha, math.log(lmbda / (i + 1) + 1)) for i in range(num_layers))
        self.dropout = nn.Dropout(dropout)
        self.act = nn.ReLU(inplace=True)
        self.fc_parameters = list(self.fc_layers.parameters())
        self.conv_parameters = list(self.layers.parameters())

    def forward(self, x, adj):
        h0 = self.act(self.fc_layers[0](self.dropout(x)))
        h = h0
        for layer in self.layers:
            h = self.act(layer(adj, self.dropout(h), h0))
        return self.fc_layers[1](self.dropout(h))
