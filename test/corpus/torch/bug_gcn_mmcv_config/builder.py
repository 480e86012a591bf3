# Idiom seen in: huaifeng1993/optsprime_gcn config/config_gin.py
# What it reproduces: registry-style builders: the model from its dict, the optimizer by name from
# torch.optim with the rest of the dict splatted in, over every parameter of the model.
import copy

import torch
import torch.nn as nn
from torch_geometric.nn import GINConv, global_add_pool


class GIN(nn.Module):
    def __init__(self, num_features, hidden_channels, class_num):
        super().__init__()
        self.conv1 = GINConv(nn.Sequential(
            nn.Linear(num_features, hidden_channels), nn.BatchNorm1d(hidden_channels), nn.ReLU(),
            nn.Linear(hidden_channels, hidden_channels)))
        self.conv2 = GINConv(nn.Sequential(
            nn.Linear(hidden_channels, hidden_channels), nn.BatchNorm1d(hidden_channels), nn.ReLU(),
            nn.Linear(hidden_channels, hidden_channels)))
        self.head = nn.Linear(hidden_channels, class_num)

    def forward(self, x, edge_index, batch):
        x = self.conv1(x, edge_index).relu()
        x = self.conv2(x, edge_index).relu()
        return self.head(global_add_pool(x, batch))


def build_model(cfg):
    cfg = copy.deepcopy(cfg)
    enc = cfg['encoder']
    enc.pop('type')
    return GIN(**enc)


def build_optimizer(model, cfg):
    opt_cfg = copy.deepcopy(cfg)
    opt_type = opt_cfg.pop('type')
    optimizer_cls = getattr(torch.optim, opt_type)
    return optimizer_cls(model.parameters(), **opt_cfg)  # expect: WD203


def build_scheduler(optimizer, cfg):
    cfg = copy.deepcopy(cfg)
    sched_type = cfg.pop('type')
    return getattr(torch.optim.lr_scheduler, sched_type)(optimizer, **cfg)
