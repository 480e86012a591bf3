# Idiom seen in: arunmm8335/matrix-factorization-pytorch src/mf/model.py
# What it reproduces: biased matrix factorization (Koren eq. 4): factor tables, per-user / per-item
#   bias tables and a learned global mean mu stored as a scalar nn.Parameter.
import torch
import torch.nn as nn


class MatrixFactorizationWithBias(nn.Module):
    def __init__(self, n_users, n_items, global_mean, n_factors=20):
        super().__init__()
        self.user_factors = nn.Embedding(n_users, n_factors)
        self.item_factors = nn.Embedding(n_items, n_factors)
        self.user_bias = nn.Embedding(n_users, 1)
        self.item_bias = nn.Embedding(n_items, 1)
        self.global_mean = nn.Parameter(torch.tensor(global_mean))
        self.user_factors.weight.data.uniform_(0, 0.05)
        self.item_factors.weight.data.uniform_(0, 0.05)
        self.user_bias.weight.data.uniform_(-0.01, 0.01)
        self.item_bias.weight.data.uniform_(-0.01, 0.01)

    def forward(self, user, item):
        dot = (self.user_factors(user) * self.item_factors(item)).sum(1)
        bi = self.item_bias(item).squeeze()
        bu = self.user_bias(user).squeeze()
        return self.global_mean + bi + bu + dot
