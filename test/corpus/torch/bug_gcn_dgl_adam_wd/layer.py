# Idiom seen in: soujie/GnnCode gcn_dgl/train.py
# Idiom seen in: soujie/GnnCode gcn_dgl/model.py
# Idiom seen in: soujie/GnnCode gcn_dgl/layer.py
# What it reproduces: a GCN whose block class is picked from a dict (dgl GraphConv or an own GCNLayer,
# both with biases), trained with torch.optim.Adam(model.parameters(), weight_decay=args.weight_decay):
# coupled L2 under Adam, on the biases too.
import torch
import torch.nn as nn
from torch.nn.parameter import Parameter


def gcn_msg(edge):
    return {'m': edge.src['h'] * edge.src['norm']}


def gcn_reduce(node):
    return {'h': torch.sum(node.mailbox['m'], 1) * node.data['norm']}


class NodeApplyModule(nn.Module):
    def __init__(self, out_feats, activation=None, bias=True):
        super().__init__()
        if bias:
            self.bias = Parameter(torch.Tensor(out_feats))
            nn.init.zeros_(self.bias)
        else:
            self.bias = None
        self.activation = activation

    def forward(self, nodes):
        h = nodes.data['h']
        if self.bias is not None:
            h = h + self.bias
        if self.activation:
            h = self.activation(h)
        return {'h': h}


class GCNLayer(nn.Module):
    def __init__(self, in_feats, out_feats, activation=None, dropout=False, bias=True):
        super().__init__()
        self.weight = Parameter(torch.Tensor(in_feats, out_feats))
        self.dropout = nn.Dropout(p=dropout) if dropout else 0
        self.node_update = NodeApplyModule(out_feats, activation, bias)
        nn.init.xavier_uniform_(self.weight)

    def forward(self, g, h):
        if self.dropout:
            h = self.dropout(h)
        g.ndata['h'] = torch.mm(h, self.weight)
        g.update_all(gcn_msg, gcn_reduce, self.node_update)
        return g.ndata.pop('h')
