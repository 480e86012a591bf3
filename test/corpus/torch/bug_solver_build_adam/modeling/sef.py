# Idiom seen in: ssdxc/nouse solver/build.py
# Idiom seen in: ssdxc/nouse config/defaults.py
# What it reproduces: yacs-config optimizer factory build_optimizer(cfg, model) that hands all of
# model.parameters() to torch.optim.Adam with weight_decay=cfg.TRAIN.WEIGHT_DECAY (here 5e-4, as a YAML
# of the repo would set it): coupled L2 under Adam, and biases/BatchNorm params decayed too.
import torch
import torch.nn as nn


class EdgeBlock(nn.Module):
    def __init__(self, in_dim, out_dim, dropout):
        super().__init__()
        self.fc = nn.Linear(2 * in_dim, out_dim)
        self.bn = nn.BatchNorm1d(out_dim)
        self.drop = nn.Dropout(dropout)

    def forward(self, x, adj):
        # x: [N, D], adj: [N, N] row-normalised top-k graph
        neigh = adj @ x
        h = self.fc(torch.cat([x, neigh - x], dim=-1))
        return self.drop(torch.relu(self.bn(h)))


class SEF(nn.Module):
    def __init__(self, in_dim, hidden, num_classes, nb_layers=2, dropout=0.2):
        super().__init__()
        dims = [in_dim] + [hidden] * nb_layers
        self.blocks = nn.ModuleList(EdgeBlock(a, b, dropout) for a, b in zip(dims[:-1], dims[1:]))
        self.classifier = nn.Linear(hidden, num_classes)

    def forward(self, x, adj):
        for blk in self.blocks:
            x = blk(x, adj)
        return self.classifier(x)
