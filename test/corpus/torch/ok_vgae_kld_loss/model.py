# Idiom seen in: soujie/GnnCode vgae/optimizer.py
# Idiom seen in: soujie/GnnCode vgae/model.py
# What it reproduces: VGAE loss = BCE + KLD where KLD = -0.5/n * mean(sum(1 + 2*logvar - mu^2 - exp(logvar)^2)):
# the squares are of latents returned by the model, not weights; Adam has no weight_decay: clean.
import torch
import torch.nn as nn
import torch.nn.functional as F


class GraphConvolution(nn.Module):
    def __init__(self, in_features, out_features, dropout=0., act=F.relu):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(in_features, out_features))
        nn.init.xavier_uniform_(self.weight)
        self.dropout = dropout
        self.act = act

    def forward(self, x, adj):
        x = F.dropout(x, self.dropout, self.training)
        return self.act(torch.spmm(adj, torch.mm(x, self.weight)))


class GCNModelVAE(nn.Module):
    def __init__(self, input_feat_dim, hidden_dim1, hidden_dim2, dropout):
        super().__init__()
        self.gc1 = GraphConvolution(input_feat_dim, hidden_dim1, dropout, act=F.relu)
        self.gc2 = GraphConvolution(hidden_dim1, hidden_dim2, dropout, act=lambda x: x)
        self.gc3 = GraphConvolution(hidden_dim1, hidden_dim2, dropout, act=lambda x: x)

    def encode(self, x, adj):
        hidden1 = self.gc1(x, adj)
        return self.gc2(hidden1, adj), self.gc3(hidden1, adj)

    def reparameterize(self, mu, logvar):
        if self.training:
            return torch.randn_like(logvar).mul(torch.exp(logvar)).add_(mu)
        return mu

    def forward(self, x, adj):
        mu, logvar = self.encode(x, adj)
        z = self.reparameterize(mu, logvar)
        return torch.mm(z, z.t()), mu, logvar
