# Idiom seen in: chuong98/Weekend-DeepRL drl/models/agents/ddpg.py
# Idiom seen in: chuong98/Weekend-DeepRL configs/DDPG/ddpg_mountaincar_continuous.py
# What it reproduces: mmcv-style optimizer dicts built by build_optimizer(model, cfg); the user adds the DDPG
# paper critic L2 (1e-2) to an Adam dict: coupled L2 under Adam, on all critic params incl. biases.
import torch
import torch.nn as nn


def build_network(cfg):
    cfg = dict(cfg)
    dims = [cfg['in_channels']] + list(cfg['hidden_layers'])
    layers = []
    for i in range(len(dims) - 1):
        layers += [nn.Linear(dims[i], dims[i + 1]), nn.ReLU()]
    layers.append(nn.Linear(dims[-1], cfg['out_channels']))
    return nn.Sequential(*layers)


def build_optimizer(model, cfg):
    cfg = dict(cfg)
    optim_type = cfg.pop('type')
    return getattr(torch.optim, optim_type)(model.parameters(), **cfg)  # expect: WD203
