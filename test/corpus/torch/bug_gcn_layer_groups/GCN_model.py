# Idiom seen in: LuckyTiger123/GNN KDD_model/sample_model/compare_with_baseline/GCN_model.py
# Idiom seen in: LuckyTiger123/GNN KDD_model/sample_model/compare_with_baseline/train.py
# What it reproduces: Kipf-style GCN baseline whose Adam decays only the first layer through a
#   per-module param group; that group is coupled L2 under Adam and includes conv1's bias.
import torch
import torch_geometric
import torch.nn.functional as F
from torch import Tensor
from torch_geometric.typing import Adj


class GCNModel(torch.nn.Module):
    def __init__(self, feature_num, output_num, hidden=16):
        super(GCNModel, self).__init__()
        self.conv1 = torch_geometric.nn.GCNConv(feature_num, hidden)
        self.conv2 = torch_geometric.nn.GCNConv(hidden, output_num)

    def forward(self, x: Tensor, edge_index: Adj):
        x = F.relu(self.conv1(x, edge_index))
        x = F.dropout(x, training=self.training)
        x = self.conv2(x, edge_index)
        return x

    def reset_parameters(self):
        self.conv1.reset_parameters()
        self.conv2.reset_parameters()


def build_optimizer(model, lr):
    # weight decay only on the first layer, as in the original GCN paper
    return torch.optim.Adam([
        dict(params=model.conv1.parameters(), weight_decay=5e-4),  # expect: WD202, WD203
        dict(params=model.conv2.parameters(), weight_decay=0)
    ], lr=lr)
