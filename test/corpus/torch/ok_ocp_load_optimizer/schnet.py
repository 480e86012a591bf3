# Idiom seen in: FAIR-Chem/fairchem src/fairchem/core/models/schnet.py
# What it reproduces: a SchNet-style interatomic potential: atom-type embedding, a Bessel radial basis with
#   learnable frequencies, continuous-filter convolutions built from Linear layers with biases, and a per-atom
#   energy readout. No normalization layers.
import math

import torch
import torch.nn as nn
from torch_scatter import scatter


class BesselBasis(nn.Module):
    def __init__(self, num_radial, cutoff):
        super().__init__()
        self.cutoff = cutoff
        self.frequencies = nn.Parameter(torch.arange(1, num_radial + 1).float() * math.pi)

    def forward(self, d):
        d = (d / self.cutoff).unsqueeze(-1)
        return torch.sin(self.frequencies * d) / d


class ShiftedSoftplus(nn.Module):
    def forward(self, x):
        return nn.functional.softplus(x) - math.log(2.0)


class InteractionBlock(nn.Module):
    def __init__(self, hidden, num_radial, num_filters):
        super().__init__()
        self.filter_net = nn.Sequential(nn.Linear(num_radial, num_filters), ShiftedSoftplus(),
                                        nn.Linear(num_filters, num_filters))
        self.lin1 = nn.Linear(hidden, num_filters, bias=False)
        self.lin2 = nn.Linear(num_filters, hidden)
        self.act = ShiftedSoftplus()
        self.lin3 = nn.Linear(hidden, hidden)

    def forward(self, h, edge_index, rbf):
        j, i = edge_index
        msg = self.lin1(h)[j] * self.filter_net(rbf)
        agg = scatter(msg, i, dim=0, dim_size=h.size(0))
        return h + self.lin3(self.act(self.lin2(agg)))


class SchNetWrap(nn.Module):
    def __init__(self, hidden_channels=128, num_filters=128, num_interactions=6, num_radial=50, cutoff=6.0):
        super().__init__()
        self.embedding = nn.Embedding(100, hidden_channels)
        self.rbf = BesselBasis(num_radial, cutoff)
        self.interactions = nn.ModuleList([InteractionBlock(hidden_channels, num_radial, num_filters)
                                           for _ in range(num_interactions)])
        self.readout = nn.Sequential(nn.Linear(hidden_channels, hidden_channels // 2), ShiftedSoftplus(),
                                     nn.Linear(hidden_channels // 2, 1))

    def forward(self, data):
        h = self.embedding(data.atomic_numbers.long())
        rbf = self.rbf(data.distances)
        for block in self.interactions:
            h = block(h, data.edge_index, rbf)
        return scatter(self.readout(h), data.batch, dim=0, reduce="sum").squeeze(-1)
