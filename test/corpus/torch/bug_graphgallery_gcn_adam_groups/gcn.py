# Idiom seen in: EdisonLeeeee/GraphGallery graphgallery/nn/models/pytorch/gcn.py
# What it reproduces: Keras-like torch GCN that appends one param group per layer, the hidden ones with
# dict(params=layer.parameters(), weight_decay=weight_decay), into optim.Adam: coupled L2 under Adam
# (the layers are built with use_bias=False, so no bias is decayed).
import torch.nn as nn
from torch import optim

from base import TorchKeras
from layers import GraphConvolution


class GCN(TorchKeras):
    def __init__(self, in_channels, out_channels, hids=[16], acts=['relu'],
                 dropout=0.5, weight_decay=5e-4, lr=0.01, use_bias=False):
        super().__init__()
        layers = nn.ModuleList()
        paras = []
        for hid, act in zip(hids, acts):
            layer = GraphConvolution(in_channels, hid, bias=use_bias)
            layers.append(layer)
            paras.append(dict(params=layer.parameters(), weight_decay=weight_decay))  # expect: WD202
            in_channels = hid
        layer = GraphConvolution(in_channels, out_channels, bias=use_bias)
        layers.append(layer)
        paras.append(dict(params=layer.parameters(), weight_decay=0.))
        self.layers = layers
        self.dropout = nn.Dropout(dropout)
        self.act = nn.ReLU()
        self.compile(loss=nn.CrossEntropyLoss(), optimizer=optim.Adam(paras, lr=lr))

    def forward(self, x, adj):
        for layer in self.layers[:-1]:
            x = self.act(layer(self.dropout(x), adj))
        return self.layers[-1](self.dropout(x), adj)
