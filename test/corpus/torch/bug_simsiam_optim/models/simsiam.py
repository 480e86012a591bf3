# Idiom seen in: PatrickHua/SimSiam models/simsiam.py
# What it reproduces: SimSiam encoder (backbone + projection MLP with BatchNorm1d) and a bottleneck
#   prediction MLP; the loss is the symmetric negative cosine similarity with stop-gradient.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision.models import resnet18


def D(p, z):
    return - F.cosine_similarity(p, z.detach(), dim=-1).mean()


class projection_MLP(nn.Module):
    def __init__(self, in_dim, hidden_dim=2048, out_dim=2048):
        super().__init__()
        self.layer1 = nn.Sequential(nn.Linear(in_dim, hidden_dim), nn.BatchNorm1d(hidden_dim), nn.ReLU(inplace=True))
        self.layer2 = nn.Sequential(nn.Linear(hidden_dim, hidden_dim), nn.BatchNorm1d(hidden_dim), nn.ReLU(inplace=True))
        self.layer3 = nn.Sequential(nn.Linear(hidden_dim, out_dim), nn.BatchNorm1d(out_dim))

    def forward(self, x):
        return self.layer3(self.layer2(self.layer1(x.flatten(1))))


class prediction_MLP(nn.Module):
    def __init__(self, in_dim=2048, hidden_dim=512, out_dim=2048):
        super().__init__()
        self.layer1 = nn.Sequential(nn.Linear(in_dim, hidden_dim), nn.BatchNorm1d(hidden_dim), nn.ReLU(inplace=True))
        self.layer2 = nn.Linear(hidden_dim, out_dim)

    def forward(self, x):
        return self.layer2(self.layer1(x))


class SimSiam(nn.Module):
    def __init__(self, backbone=None):
        super().__init__()
        backbone = backbone if backbone is not None else resnet18()
        self.encoder = nn.Sequential(
            *list(backbone.children())[:-1],
            projection_MLP(list(backbone.children())[-1].in_features)
        )
        self.predictor = prediction_MLP()

    def forward(self, x1, x2):
        z1, z2 = self.encoder(x1), self.encoder(x2)
        p1, p2 = self.predictor(z1), self.predictor(z2)
        return D(p1, z2) / 2 + D(p2, z1) / 2
