# Idiom seen in: StavrosOrf/PoweFlowNet networks/MPN.py
# What it reproduces: message-passing network for power-flow (Linear edge MLP + GATv2 convs, all with biases);
# train.py builds AdamW on all of its parameters without weight_decay=, so AdamW's default 0.01 decays the biases too.
import torch.nn as nn
from torch_geometric.nn import GATv2Conv


class SimpleNetwork2(nn.Module):
    def __init__(self, nfeature_dim, efeature_dim, output_dim, hidden_dim, n_gnn_layers, K, dropout_rate):
        super().__init__()
        self.nfeature_dim = nfeature_dim
        self.efeature_dim = efeature_dim
        self.output_dim = output_dim
        self.hidden_dim = hidden_dim
        self.n_gnn_layers = n_gnn_layers
        self.K = K
        self.dropout_rate = dropout_rate
        self.edge_aggr = nn.Sequential(
            nn.Linear(efeature_dim, hidden_dim),
            nn.ReLU(),
            nn.Linear(hidden_dim, 1),
        )
        self.convs = nn.ModuleList()
        self.convs.append(GATv2Conv(nfeature_dim, hidden_dim // K, heads=K, edge_dim=efeature_dim))
        for _ in range(n_gnn_layers - 2):
            self.convs.append(GATv2Conv(hidden_dim, hidden_dim // K, heads=K, edge_dim=efeature_dim))
        self.convs.append(GATv2Conv(hidden_dim, output_dim, heads=1, edge_dim=efeature_dim))

    def forward(self, data):
        x, edge_index, edge_features = data.x, data.edge_index, data.edge_attr
        for i in range(len(self.convs) - 1):
            x = self.convs[i](x=x, edge_index=edge_index, edge_attr=edge_features)
            x = nn.ReLU()(x)
        return self.convs[-1](x=x, edge_index=edge_index, edge_attr=edge_features)
