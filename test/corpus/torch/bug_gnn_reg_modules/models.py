# Idiom seen in: jianjianGJ/RepulsionGNN models/gcn.py
# What it reproduces: a GCN whose `reg_modules` property bundles every conv but the last AND all the
#   BatchNorm1d layers; each GCNConv owns a bias Parameter, so the "regularized" group holds biases
#   and normalization parameters.
import torch
import torch.nn.functional as F
from torch.nn import BatchNorm1d, ModuleList
from torch.nn.parameter import Parameter
from torch_geometric.nn.conv import MessagePassing
from torch_geometric.nn.inits import glorot, zeros
from torch_sparse import matmul


class GCNConv(MessagePassing):
    def __init__(self, in_channels, out_channels, bias=True, **kwargs):
        kwargs.setdefault('aggr', 'add')
        super().__init__(**kwargs)
        self.weight = Parameter(torch.Tensor(in_channels, out_channels))
        if bias:
            self.bias = Parameter(torch.Tensor(out_channels))
        else:
            self.register_parameter('bias', None)
        glorot(self.weight)
        zeros(self.bias)

    def forward(self, x, adj_t):
        out = self.propagate(adj_t, x=x @ self.weight, size=None)
        if self.bias is not None:
            out = out + self.bias
        return out

    def message_and_aggregate(self, adj_t, x):
        return matmul(adj_t, x, reduce=self.aggr)


class GCN(torch.nn.Module):
    def __init__(self, in_channels, hidden_channels, out_channels, num_layers, dropout=0.0,
                 batch_norm=False, rsl=0.0):
        super().__init__()
        self.dropout = dropout
        self.batch_norm = batch_norm
        self.convs = ModuleList()
        self.bns = ModuleList()
        for i in range(num_layers):
            in_dim = in_channels if i == 0 else hidden_channels
            out_dim = out_channels if i == num_layers - 1 else hidden_channels
            self.convs.append(GCNConv(in_dim, out_dim))
            self.bns.append(BatchNorm1d(hidden_channels))

    @property
    def reg_modules(self):
        return ModuleList(list(self.convs[:-1]) + list(self.bns))

    @property
    def nonreg_modules(self):
        return self.convs[-1:]

    def forward(self, x, adj_t):
        for conv, bn in zip(self.convs[:-1], self.bns):
            h = conv(x, adj_t)
            if self.batch_norm:
                h = bn(h)
            x = F.dropout(h.relu_(), p=self.dropout, training=self.training)
        return self.convs[-1](x, adj_t)
