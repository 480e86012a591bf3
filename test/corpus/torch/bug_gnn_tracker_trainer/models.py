# Idiom seen in: murnanedaniel/eta-tracker trainers/gnn_base.py
# What it reproduces: HEP track-finding GNN trainer; the optimizer class is getattr(torch.optim, name) with the
#   config's optimizer_config splatted in (name Adam, weight_decay 1e-4: coupled L2) and given all of
#   self.model.parameters() (biases and LayerNorm decayed too).
import torch
import torch.nn as nn
from torch_scatter import scatter_add


def make_mlp(input_size, sizes, hidden_activation=nn.ReLU, output_activation=nn.ReLU, layer_norm=False):
    layers = []
    n_layers = len(sizes)
    sizes = [input_size] + sizes
    for i in range(n_layers - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if layer_norm:
            layers.append(nn.LayerNorm(sizes[i + 1]))
        layers.append(hidden_activation())
    layers.append(nn.Linear(sizes[-2], sizes[-1]))
    if output_activation is not None:
        if layer_norm:
            layers.append(nn.LayerNorm(sizes[-1]))
        layers.append(output_activation())
    return nn.Sequential(*layers)


class GNNSegmentClassifier(nn.Module):
    def __init__(self, input_dim=3, hidden_dim=8, n_graph_iters=3, layer_norm=True):
        super().__init__()
        self.n_graph_iters = n_graph_iters
        self.input_network = make_mlp(input_dim, [hidden_dim], output_activation=nn.Tanh, layer_norm=layer_norm)
        self.edge_network = make_mlp((input_dim + hidden_dim) * 2, [hidden_dim, hidden_dim, 1],
                                     output_activation=None, layer_norm=layer_norm)
        self.node_network = make_mlp((input_dim + hidden_dim) * 3, [hidden_dim] * 4,
                                     output_activation=nn.Tanh, layer_norm=layer_norm)

    def forward(self, data):
        x = torch.cat([self.input_network(data.x), data.x], dim=-1)
        start, end = data.edge_index
        for i in range(self.n_graph_iters):
            e = torch.sigmoid(self.edge_network(torch.cat([x[start], x[end]], dim=1))).squeeze(-1)
            mi = scatter_add(e[:, None] * x[start], end, dim=0, dim_size=x.shape[0])
            mo = scatter_add(e[:, None] * x[end], start, dim=0, dim_size=x.shape[0])
            x = torch.cat([self.node_network(torch.cat([mi, mo, x], dim=1)), data.x], dim=-1)
        return self.edge_network(torch.cat([x[start], x[end]], dim=1)).squeeze(-1)


def get_model(name, **model_args):
    if name == 'agnn':
        return GNNSegmentClassifier(**model_args)
    raise Exception('Model %s unknown' % name)
