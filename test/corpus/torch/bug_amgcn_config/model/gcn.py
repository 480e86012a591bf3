# Idiom seen in: virtual-world-oss/AM-GCN-Reproduct Model/AMGCN.py
# What it reproduces: a hand-written GCN layer with a weight matrix and a bias vector made with
#   Parameter(...); the two-layer GCN keeps both layers' biases among its parameters.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.parameter import Parameter


class GCNConv(nn.Module):
    def __init__(self, input_size, out_size, bias=True):
        super(GCNConv, self).__init__()
        self.input_size = input_size
        self.out_size = out_size
        self.W = Parameter(torch.FloatTensor(input_size, out_size))
        if bias:
            self.bias = Parameter(torch.FloatTensor(out_size))
        else:
            self.bias = None
        self.init_parameter()

    def init_parameter(self):
        border_val = 1. / math.sqrt(self.W.size(1))
        self.W.data.uniform_(-border_val, border_val)
        if self.bias is not None:
            self.bias.data.uniform_(-border_val, border_val)

    def forward(self, A_, Z):
        x = torch.mm(Z, self.W)
        x = torch.mm(A_, x)
        if self.bias is not None:
            x += self.bias
        return x


class GCN(nn.Module):
    def __init__(self, input_size, hidden_size, num_classes, dropout):
        super(GCN, self).__init__()
        self.gcn_layer1 = GCNConv(input_size, hidden_size)
        self.gcn_layer2 = GCNConv(hidden_size, num_classes)
        self.dropout = dropout

    def forward(self, A_, X):
        z = F.relu(self.gcn_layer1(A_, X))
        z = F.dropout(z, self.dropout, training=self.training)
        z = self.gcn_layer2(A_, z)
        return F.log_softmax(z, dim=1)
