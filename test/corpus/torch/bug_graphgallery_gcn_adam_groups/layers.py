# Idiom seen in: EdisonLeeeee/GraphGallery graphgallery/nn/models/pytorch/gcn.py
# What it reproduces: Keras-like torch GCN that appends one param group per layer, the hidden ones with
# dict(params=layer.parameters(), weight_decay=weight_decay), into optim.Adam: coupled L2 under Adam
# (the layers are built with use_bias=False, so no bias is decayed).
import math
import torch
import torch.nn as nn
from torch.nn import Parameter


class GraphConvolution(nn.Module):
    def __init__(self, in_channels, out_channels, bias=False):
        super().__init__()
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.kernel = Parameter(torch.Tensor(in_channels, out_channels))
        if bias:
            self.bias = Parameter(torch.Tensor(out_channels))
        else:
            self.register_parameter('bias', None)
        self.reset_parameters()

    def reset_parameters(self):
        stdv = 1. / math.sqrt(self.kernel.size(1))
        self.kernel.data.uniform_(-stdv, stdv)
        if self.bias is not None:
            self.bias.data.uniform_(-stdv, stdv)

    def forward(self, x, adj):
        out = torch.spmm(adj, torch.mm(x, self.kernel))
        if self.bias is not None:
            out = out + self.bias
        return out
