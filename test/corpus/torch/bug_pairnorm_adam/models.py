# Idiom seen in: LingxiaoShawn/PairNorm models.py, layers.py
# What it reproduces: the PairNorm repo's GCN: GraphConv layers with a weight matrix and a bias vector
#   made by hand as nn.Parameters, and a PairNorm between layers.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class GraphConv(nn.Module):
    def __init__(self, in_features, out_features, bias=True):
        super(GraphConv, self).__init__()
        self.weight = nn.Parameter(torch.FloatTensor(in_features, out_features))
        if bias:
            self.bias = nn.Parameter(torch.FloatTensor(out_features))
        else:
            self.register_parameter('bias', None)
        stdv = 1. / math.sqrt(out_features)
        self.weight.data.uniform_(-stdv, stdv)
        if self.bias is not None:
            self.bias.data.uniform_(-stdv, stdv)

    def forward(self, x, adj):
        out = torch.spmm(adj, x @ self.weight)
        if self.bias is not None:
            out = out + self.bias
        return out


class PairNorm(nn.Module):
    def __init__(self, mode='PN', scale=1):
        super(PairNorm, self).__init__()
        self.mode = mode
        self.scale = scale

    def forward(self, x):
        if self.mode == 'None':
            return x
        x = x - x.mean(dim=0)
        rownorm_mean = (1e-6 + x.pow(2).sum(dim=1).mean()).sqrt()
        return self.scale * x / rownorm_mean


class GCN(nn.Module):
    def __init__(self, nfeat, nhid, nclass, dropout, norm_mode='None', norm_scale=1, **kwargs):
        super(GCN, self).__init__()
        self.gc1 = GraphConv(nfeat, nhid)
        self.gc2 = GraphConv(nhid, nclass)
        self.dropout = nn.Dropout(p=dropout)
        self.relu = nn.ReLU(True)
        self.norm = PairNorm(norm_mode, norm_scale)

    def forward(self, x, adj):
        x = self.dropout(x)
        x = self.relu(self.norm(self.gc1(x, adj)))
        x = self.dropout(x)
        return self.gc2(x, adj)
