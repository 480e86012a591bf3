# Idiom seen in: benedekrozemberczki/APPNP src/appnp.py
# Idiom seen in: benedekrozemberczki/APPNP src/appnp_layer.py
# What it reproduces: APPNPTrainer.do_a_step penalizes layer_2.weight_matrix with (lambd/2)*sum(W**2), Adam has no
#   weight_decay. Realistic mistake: the penalty is written as loss.add(...), which is out of place, and its result
#   is dropped, so backward differentiates the bare NLL loss (the real repo reassigns loss = loss + ...).
import math

import torch
from torch_sparse import spmm


def uniform(size, tensor):
    stdv = 1.0 / math.sqrt(size)
    if tensor is not None:
        tensor.data.uniform_(-stdv, stdv)


class SparseFullyConnected(torch.nn.Module):
    def __init__(self, in_channels, out_channels):
        super(SparseFullyConnected, self).__init__()
        self.weight_matrix = torch.nn.Parameter(torch.Tensor(in_channels, out_channels))
        self.bias = torch.nn.Parameter(torch.Tensor(1, out_channels))
        torch.nn.init.xavier_uniform_(self.weight_matrix)
        uniform(out_channels, self.bias)

    def forward(self, feature_indices, feature_values):
        number_of_nodes = torch.max(feature_indices[0]).item() + 1
        number_of_features = torch.max(feature_indices[1]).item() + 1
        filtered = spmm(feature_indices, feature_values, number_of_nodes, number_of_features, self.weight_matrix)
        return filtered + self.bias


class DenseFullyConnected(torch.nn.Module):
    def __init__(self, in_channels, out_channels):
        super(DenseFullyConnected, self).__init__()
        self.weight_matrix = torch.nn.Parameter(torch.Tensor(in_channels, out_channels))
        self.bias = torch.nn.Parameter(torch.Tensor(1, out_channels))
        torch.nn.init.xavier_uniform_(self.weight_matrix)
        uniform(out_channels, self.bias)

    def forward(self, features):
        return torch.mm(features, self.weight_matrix) + self.bias


class APPNPModel(torch.nn.Module):
    def __init__(self, args, number_of_labels, number_of_features, propagator):
        super(APPNPModel, self).__init__()
        self.args = args
        self.layer_1 = SparseFullyConnected(number_of_features, self.args.layers[0])
        self.layer_2 = DenseFullyConnected(self.args.layers[1], number_of_labels)
        self.propagator = propagator

    def forward(self, feature_indices, feature_values):
        latent = torch.nn.functional.dropout(feature_values, p=self.args.dropout, training=self.training)
        latent = torch.nn.functional.relu(self.layer_1(feature_indices, latent))
        latent = torch.nn.functional.dropout(latent, p=self.args.dropout, training=self.training)
        latent = self.layer_2(latent)
        for _ in range(self.args.iterations):
            latent = (1 - self.args.alpha) * torch.mm(self.propagator, latent) + self.args.alpha * latent
        return torch.nn.functional.log_softmax(latent, dim=1)
