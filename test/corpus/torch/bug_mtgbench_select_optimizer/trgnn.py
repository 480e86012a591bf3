# Idiom seen in: CILAB-UrbanData/MTGBench models/TrGNN.py
# What it reproduces: a trajectory-aware road-graph model: node embedding, graph convolutions over the
#   road adjacency with LayerNorm, and a GRU + Linear head predicting the next-step flow per road.
import torch
import torch.nn as nn


class GraphConv(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.lin = nn.Linear(d_in, d_out)
        self.norm = nn.LayerNorm(d_out)

    def forward(self, x, adj):
        return self.norm(torch.relu(self.lin(torch.matmul(adj, x))))


class Model(nn.Module):
    def __init__(self, args):
        super().__init__()
        self.road_emb = nn.Embedding(args.NumofRoads, args.d_model)
        self.convs = nn.ModuleList([GraphConv(args.d_model, args.d_model) for _ in range(2)])
        self.gru = nn.GRU(args.d_model + 1, args.d_model, batch_first=True)
        self.head = nn.Linear(args.d_model, args.pre_steps)

    def forward(self, flow, adj):
        b, t, n = flow.shape
        h = self.road_emb.weight
        for conv in self.convs:
            h = conv(h, adj)
        x = torch.cat([flow.unsqueeze(-1), h.expand(b, t, n, -1)], -1)
        out, _ = self.gru(x.permute(0, 2, 1, 3).reshape(b * n, t, -1))
        return self.head(out[:, -1]).reshape(b, n, -1).permute(0, 2, 1)
