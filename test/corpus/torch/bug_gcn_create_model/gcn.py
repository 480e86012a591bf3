# Idiom seen in: hbkt/gcn-pytorch main.py
# Idiom seen in: hbkt/gcn-pytorch train.py
# What it reproduces: create_gcn_model() builds the model and its optimizer together, with
# Adam(model.parameters(), weight_decay=5e-4): coupled L2 under Adam, and the GCN biases decayed too.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim import Adam


class GraphConvolution(nn.Module):
    def __init__(self, in_features, out_features, bias=True):
        super().__init__()
        self.weight = nn.Parameter(torch.FloatTensor(in_features, out_features))
        self.bias = nn.Parameter(torch.FloatTensor(out_features)) if bias else None
        self.reset_parameters()

    def reset_parameters(self):
        stdv = 1. / math.sqrt(self.weight.size(1))
        self.weight.data.uniform_(-stdv, stdv)
        if self.bias is not None:
            self.bias.data.uniform_(-stdv, stdv)

    def forward(self, x, adj):
        out = torch.spmm(adj, torch.mm(x, self.weight))
        return out + self.bias if self.bias is not None else out


class GCN(nn.Module):
    def __init__(self, data, nhid, dropout):
        super().__init__()
        self.gc1 = GraphConvolution(data.num_features, nhid)
        self.gc2 = GraphConvolution(nhid, data.num_classes)
        self.dropout = dropout

    def reset_parameters(self):
        self.gc1.reset_parameters()
        self.gc2.reset_parameters()

    def forward(self, data):
        x, adj = data.features, data.adj
        x = F.relu(self.gc1(x, adj))
        x = F.dropout(x, p=self.dropout, training=self.training)
        x = self.gc2(x, adj)
        return F.log_softmax(x, dim=1)


def create_gcn_model(data, nhid=16, dropout=0.5, lr=0.01, weight_decay=5e-4):
    model = GCN(data, nhid, dropout)
    optimizer = Adam(model.parameters(), lr=lr, weight_decay=weight_decay)  # expect: WD202, WD203
    return model, optimizer
