# Idiom seen in: dragen1860/GCN-PyTorch train.py
# Idiom seen in: dragen1860/GCN-PyTorch model.py
# What it reproduces: Kipf GCN port: weight decay as args.weight_decay * net.l2_loss() (squares of the
# first layer only) added to the trained loss, Adam without weight_decay: one decay, positive: clean.
import torch
import torch.nn as nn
import torch.nn.functional as F


class GraphConvolution(nn.Module):
    def __init__(self, input_dim, output_dim, dropout=0., bias=False, activation=F.relu):
        super(GraphConvolution, self).__init__()
        self.dropout = dropout
        self.activation = activation
        self.weight = nn.Parameter(torch.randn(input_dim, output_dim))
        self.bias = None
        if bias:
            self.bias = nn.Parameter(torch.zeros(output_dim))

    def forward(self, x, support):
        x = F.dropout(x, self.dropout, self.training)
        out = torch.sparse.mm(support, torch.mm(x, self.weight))
        if self.bias is not None:
            out += self.bias
        return self.activation(out) if self.activation is not None else out


class GCN(nn.Module):
    def __init__(self, input_dim, output_dim, hidden=16, dropout=0.5):
        super(GCN, self).__init__()
        self.layers = nn.Sequential(
            GraphConvolution(input_dim, hidden, dropout=dropout),
            GraphConvolution(hidden, output_dim, dropout=dropout, activation=None))

    def forward(self, x, support):
        for layer in self.layers:
            x = layer(x, support)
        return x

    def l2_loss(self):
        layer = next(iter(self.layers.children()))
        loss = None
        for p in layer.parameters():
            if loss is None:
                loss = p.pow(2).sum()
            else:
                loss += p.pow(2).sum()
        return loss
