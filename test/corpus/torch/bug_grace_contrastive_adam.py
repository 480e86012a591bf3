# Idiom seen in: CRIPAC-DIG/GRACE train.py
# Idiom seen in: CRIPAC-DIG/GRACE model.py
# What it reproduces: graph contrastive pre-training (two dropped-edge / masked-feature views, NT-Xent)
#   with a per-dataset config dict and torch.optim.Adam(model.parameters(), lr, weight_decay): coupled L2
#   under Adam on the GCNConv biases and projection-head biases too (the repository's own wiring).
import argparse
import random

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch_geometric.datasets import Planetoid
import torch_geometric.transforms as T
from torch_geometric.nn import GCNConv
from torch_geometric.utils import dropout_adj

from eval import label_classification

CONFIG = {
    'Cora': {'learning_rate': 0.0005, 'num_hidden': 128, 'num_proj_hidden': 128, 'num_layers': 2,
             'drop_edge_rate_1': 0.2, 'drop_edge_rate_2': 0.4, 'drop_feature_rate_1': 0.3,
             'drop_feature_rate_2': 0.4, 'tau': 0.4, 'num_epochs': 200, 'weight_decay': 0.00001},
}


class Encoder(nn.Module):
    def __init__(self, in_channels, out_channels, k=2):
        super().__init__()
        self.conv = nn.ModuleList([GCNConv(in_channels, 2 * out_channels)] +
                                  [GCNConv(2 * out_channels, 2 * out_channels) for _ in range(k - 2)] +
                                  [GCNConv(2 * out_channels, out_channels)])
        self.activation = nn.PReLU(out_channels)

    def forward(self, x, edge_index):
        for conv in self.conv:
            x = self.activation(conv(x, edge_index)) if conv.out_channels == self.activation.num_parameters else F.relu(conv(x, edge_index))
        return x


class Model(nn.Module):
    def __init__(self, encoder, num_hidden, num_proj_hidden, tau=0.5):
        super().__init__()
        self.encoder = encoder
        self.tau = tau
        self.fc1 = nn.Linear(num_hidden, num_proj_hidden)
        self.fc2 = nn.Linear(num_proj_hidden, num_hidden)

    def forward(self, x, edge_index):
        return self.encoder(x, edge_index)

    def projection(self, z):
        return self.fc2(F.elu(self.fc1(z)))

    def semi_loss(self, z1, z2):
        f = lambda x: torch.exp(x / self.tau)
        refl_sim = f(torch.mm(F.normalize(z1), F.normalize(z1).t()))
        between_sim = f(torch.mm(F.normalize(z1), F.normalize(z2).t()))
        return -torch.log(between_sim.diag() / (refl_sim.sum(1) + between_sim.sum(1) - refl_sim.diag()))

    def loss(self, z1, z2):
        h1, h2 = self.projection(z1), self.projection(z2)
        return ((self.semi_loss(h1, h2) + self.semi_loss(h2, h1)) * 0.5).mean()


def drop_feature(x, drop_prob):
    drop_mask = torch.empty((x.size(1),), dtype=torch.float32, device=x.device).uniform_(0, 1) < drop_prob
    x = x.clone()
    x[:, drop_mask] = 0
    return x


def train(model, optimizer, x, edge_index, config):
    model.train()
    optimizer.zero_grad()
    edge_index_1 = dropout_adj(edge_index, p=config['drop_edge_rate_1'])[0]
    edge_index_2 = dropout_adj(edge_index, p=config['drop_edge_rate_2'])[0]
    z1 = model(drop_feature(x, config['drop_feature_rate_1']), edge_index_1)
    z2 = model(drop_feature(x, config['drop_feature_rate_2']), edge_index_2)
    loss = model.loss(z1, z2)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--dataset', type=str, default='Cora')
    args = parser.parse_args()
    config = CONFIG[args.dataset]
    random.seed(12345)
    torch.manual_seed(39788)

    dataset = Planetoid('~/datasets/' + args.dataset, args.dataset, transform=T.NormalizeFeatures())
    data = dataset[0]
    encoder = Encoder(dataset.num_features, config['num_hidden'], k=config['num_layers'])
    model = Model(encoder, config['num_hidden'], config['num_proj_hidden'], config['tau'])
    optimizer = torch.optim.Adam(model.parameters(), lr=config['learning_rate'], weight_decay=config['weight_decay'])  # expect: WD202, WD203

    for epoch in range(1, config['num_epochs'] + 1):
        loss = train(model, optimizer, data.x, data.edge_index, config)
        print(f'(T) | Epoch={epoch:03d}, loss={loss:.4f}')

    model.eval()
    z = model(data.x, data.edge_index)
    label_classification(z, data.y, ratio=0.1)
