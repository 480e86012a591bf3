# Idiom seen in: ryanlueds/abide-hgnn training_pyg/model.py
# What it reproduces: a hypergraph classifier (ABIDE fMRI ROI hypergraphs) whose conv layers carry their own
#   weight_decay and expose a penalty() guarded by `if self.weight_decay:`. Realistic variant of the repository
#   (which put weight_decay=config.WEIGHT_DECAY on Adam): every layer is built with config.WEIGHT_DECAY = 0.0,
#   so the guarded decay code never runs (WD303).
import torch
import torch.nn as nn
import torch.nn.functional as F

import config


class HyperConv(nn.Module):
    def __init__(self, in_dim, out_dim, weight_decay=0.0):
        super().__init__()
        self.theta = nn.Linear(in_dim, out_dim)
        self.weight_decay = weight_decay

    def forward(self, x, H):
        # H: [num_nodes, num_edges] incidence matrix of the hypergraph
        dv = H.sum(1).clamp(min=1).pow(-0.5)
        de = H.sum(0).clamp(min=1).pow(-1.0)
        x = self.theta(x)
        x = dv[:, None] * (H @ (de[:, None] * (H.t() @ (dv[:, None] * x))))
        return x

    def penalty(self):
        if self.weight_decay:  # expect: WD303
            return self.weight_decay / 2 * self.theta.weight.pow(2).sum()
        return torch.zeros((), device=self.theta.weight.device)


class HGNN(nn.Module):
    def __init__(self, in_dim, hidden_dim, num_classes=2, dropout=0.3, weight_decay=0.0):
        super().__init__()
        self.conv1 = HyperConv(in_dim, hidden_dim, weight_decay=weight_decay)
        self.bn1 = nn.BatchNorm1d(hidden_dim)
        self.conv2 = HyperConv(hidden_dim, hidden_dim, weight_decay=weight_decay)
        self.bn2 = nn.BatchNorm1d(hidden_dim)
        self.dropout = nn.Dropout(dropout)
        self.fc = nn.Linear(hidden_dim, num_classes)

    def forward(self, x, H):
        x = self.dropout(F.relu(self.bn1(self.conv1(x, H))))
        x = F.relu(self.bn2(self.conv2(x, H)))
        return self.fc(x.mean(dim=0, keepdim=True))

    def penalty(self):
        return self.conv1.penalty() + self.conv2.penalty()


def build_model(in_dim):
    return HGNN(in_dim, config.HIDDEN, num_classes=2, weight_decay=config.WEIGHT_DECAY)
