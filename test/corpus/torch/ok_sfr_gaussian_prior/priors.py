# Idiom seen in: AaltoML/sfr src/nn2svgp/priors.py
# What it reproduces: a Gaussian prior object holding the network's `parameters` method; its
#   nn_loss() is delta * 0.5 * sum(w^2), the negative log prior up to a constant.
import torch
import torch.nn as nn


class Prior(nn.Module):
    def __init__(self, params):
        super().__init__()
        self.params = params

    def log_prob(self):
        raise NotImplementedError

    def nn_loss(self):
        raise NotImplementedError


class Gaussian(Prior):
    def __init__(self, params, delta: float = 0.001):
        super().__init__(params=params)
        self.delta = delta

    def nn_loss(self):
        squared_params = torch.cat([torch.square(param.view(-1)) for param in self.params()])
        l2r = 0.5 * torch.sum(squared_params)
        return self.delta * l2r
