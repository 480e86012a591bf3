# Idiom seen in: yaox12/BYOL-PyTorch model/basic_modules.py
# Idiom seen in: yaox12/BYOL-PyTorch model/byol_model.py
# What it reproduces: BYOL online/target networks: the encoder is nn.Sequential(*list(resnet.children())[:-1]), so
#   the stem BatchNorm's parameters are named 'encoder.1.weight'/'encoder.1.bias' (no 'bn' in the name); the MLPs
#   keep a 'bn1' attribute. params_util.collect_params relies on those names.
import copy

import torch
import torch.nn as nn
from torchvision import models


class MLP(nn.Module):
    def __init__(self, input_dim, hidden_dim, output_dim):
        super().__init__()
        self.l1 = nn.Linear(input_dim, hidden_dim)
        self.bn1 = nn.BatchNorm1d(hidden_dim)
        self.relu1 = nn.ReLU(inplace=True)
        self.l2 = nn.Linear(hidden_dim, output_dim)

    def forward(self, x):
        return self.l2(self.relu1(self.bn1(self.l1(x))))


class EncoderwithProjection(nn.Module):
    def __init__(self, config):
        super().__init__()
        base_encoder = models.__dict__[config['model']['backbone']['type']](
            pretrained=config['model']['backbone']['pretrained'])
        self.encoder = nn.Sequential(*list(base_encoder.children())[:-1])
        proj = config['model']['projection']
        self.projetion = MLP(input_dim=proj['input_dim'], hidden_dim=proj['hidden_dim'],
                             output_dim=proj['output_dim'])

    def forward(self, x):
        return self.projetion(torch.flatten(self.encoder(x), 1))


class Predictor(nn.Module):
    def __init__(self, config):
        super().__init__()
        pred = config['model']['predictor']
        self.predictor = MLP(input_dim=pred['input_dim'], hidden_dim=pred['hidden_dim'],
                             output_dim=pred['output_dim'])

    def forward(self, x):
        return self.predictor(x)


class BYOLModel(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.online_network = EncoderwithProjection(config)
        self.target_network = copy.deepcopy(self.online_network)
        for param in self.target_network.parameters():
            param.requires_grad = False
        self.predictor = Predictor(config)

    @torch.no_grad()
    def _update_target_network(self, mm):
        for param_q, param_k in zip(self.online_network.parameters(), self.target_network.parameters()):
            param_k.data.mul_(mm).add_(1. - mm, param_q.data)

    def forward(self, view1, view2, mm):
        q = self.predictor(self.online_network(torch.cat([view1, view2], dim=0)))
        with torch.no_grad():
            self._update_target_network(mm)
            target_z = self.target_network(torch.cat([view2, view1], dim=0)).detach().clone()
        return q, target_z
