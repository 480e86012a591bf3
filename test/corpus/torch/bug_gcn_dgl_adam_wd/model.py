# Idiom seen in: soujie/GnnCode gcn_dgl/train.py
# Idiom seen in: soujie/GnnCode gcn_dgl/model.py
# Idiom seen in: soujie/GnnCode gcn_dgl/layer.py
# What it reproduces: a GCN whose block class is picked from a dict (dgl GraphConv or an own GCNLayer,
# both with biases), trained with torch.optim.Adam(model.parameters(), weight_decay=args.weight_decay):
# coupled L2 under Adam, on the biases too.
import torch.nn as nn
from dgl.nn.pytorch import GraphConv

from layer import GCNLayer


class Gcn(nn.Module):
    layer_dict = {
        'raw': GraphConv,
        'dgl': GCNLayer,
    }

    def __init__(self, in_feats, n_hidden, n_classes, n_layers, activation, layer_type, dropout):
        super().__init__()
        self.layers = nn.ModuleList()
        assert layer_type in ['raw', 'dgl']
        gcn_block = self.layer_dict[layer_type]
        self.layers.append(gcn_block(in_feats, n_hidden, activation=activation))
        for _ in range(n_layers - 1):
            self.layers.append(gcn_block(n_hidden, n_hidden, activation=activation))
        self.layers.append(gcn_block(n_hidden, n_classes))
        self.dropout = nn.Dropout(p=dropout)

    def forward(self, g, features):
        h = features
        for i, layer in enumerate(self.layers):
            if i != 0:
                h = self.dropout(h)
            h = layer(g, h)
        return h
