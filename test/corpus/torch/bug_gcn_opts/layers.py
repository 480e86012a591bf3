# Idiom seen in: bmsookim/graph-cnn.pytorch layers.py
# What it reproduces: Kipf-style GraphConvolution with an explicit weight matrix and a bias vector (both nn.Parameter).
import math

import torch
from torch.nn.modules.module import Module
from torch.nn.parameter import Parameter


class GraphConvolution(Module):
    def __init__(self, in_features, out_features, bias=True, init='uniform'):
        super(GraphConvolution, self).__init__()
        self.in_features = in_features
        self.out_features = out_features
        self.weight = Parameter(torch.FloatTensor(in_features, out_features))
        if bias:
            self.bias = Parameter(torch.FloatTensor(out_features))
        else:
            self.register_parameter('bias', None)
        self.reset_parameters(init)

    def reset_parameters(self, init):
        if init == 'xavier':
            torch.nn.init.xavier_uniform_(self.weight)
            if self.bias is not None:
                self.bias.data.zero_()
        else:
            stdv = 1. / math.sqrt(self.weight.size(1))
            self.weight.data.uniform_(-stdv, stdv)
            if self.bias is not None:
                self.bias.data.uniform_(-stdv, stdv)

    def forward(self, input, adj):
        support = torch.mm(input, self.weight)
        output = torch.spmm(adj, support)
        if self.bias is not None:
            return output + self.bias
        return output
