# Idiom seen in: Tony-Y/cgnn src/models.py
# Idiom seen in: Tony-Y/cgnn src/cgnn.py
# What it reproduces: the crystal-graph model handed to the optimizer: gated graph convolutions with
#   Linear biases and BatchNorm1d layers, so decaying all of its parameters reaches biases and norms.
import torch
import torch.nn as nn


class GatedGraphConv(nn.Module):
    def __init__(self, n_feat, n_edge_labels, use_batch_norm):
        super().__init__()
        self.edge_lin = nn.Linear(n_edge_labels, n_feat * 2)
        self.node_lin = nn.Linear(n_feat, n_feat * 2)
        self.bn = nn.BatchNorm1d(n_feat) if use_batch_norm else nn.Identity()

    def forward(self, x, edge_sources, edge_targets, edge_attr):
        gate, msg = (self.node_lin(x)[edge_sources] + self.edge_lin(edge_attr)).chunk(2, dim=-1)
        out = torch.zeros_like(x).index_add_(0, edge_targets, torch.sigmoid(gate) * torch.tanh(msg))
        return x + self.bn(out)


class GGNN(nn.Module):
    def __init__(self, n_node_feat, n_hidden_feat, n_graph_feat, n_conv, n_fc, n_edge_labels,
                 use_batch_norm=False, node_vectors=None, **kwargs):
        super().__init__()
        self.embedding = nn.Linear(n_node_feat, n_hidden_feat, bias=False)
        self.convs = nn.ModuleList([GatedGraphConv(n_hidden_feat, n_edge_labels, use_batch_norm)
                                    for _ in range(n_conv)])
        self.pool = nn.Linear(n_hidden_feat, n_graph_feat)
        fcs = []
        for _ in range(n_fc - 1):
            fcs += [nn.Linear(n_graph_feat, n_graph_feat), nn.Softplus()]
        self.fcs = nn.Sequential(*fcs)
        self.out = nn.Linear(n_graph_feat, 1)

    def forward(self, nodes, edge_sources, edge_targets, edge_attr, graph_indices):
        x = self.embedding(nodes)
        for conv in self.convs:
            x = conv(x, edge_sources, edge_targets, edge_attr)
        g = torch.zeros(int(graph_indices.max()) + 1, x.size(1), device=x.device).index_add_(0, graph_indices, x)
        return self.out(self.fcs(self.pool(g))).squeeze(-1)
