# Idiom seen in: bohyunshin/recommender recommender/model/mf/svd_bias.py
# What it reproduces: biased matrix factorisation (user/item factors plus user/item bias embeddings and a global mean),
#   whose calculate_loss hands all parameters to svd_loss for the explicit penalty.
import torch
import torch.nn as nn

from loss import svd_loss


class Model(nn.Module):
    def __init__(self, user_ids, item_ids, num_users, num_items, num_factors, mu, **kwargs):
        super().__init__()
        self.user_ids = user_ids
        self.item_ids = item_ids
        self.num_users = num_users
        self.num_items = num_items
        self.embed_user = nn.Embedding(num_users, num_factors)
        self.embed_item = nn.Embedding(num_items, num_factors)
        self.bias_user = nn.Embedding(num_users, 1)
        self.bias_item = nn.Embedding(num_items, 1)
        self.mu = mu
        nn.init.normal_(self.embed_user.weight, std=0.01)
        nn.init.normal_(self.embed_item.weight, std=0.01)
        nn.init.zeros_(self.bias_user.weight)
        nn.init.zeros_(self.bias_item.weight)
        self.tr_loss = []
        self.val_loss = []

    def forward(self, user_idx, item_idx):
        dot = (self.embed_user(user_idx) * self.embed_item(item_idx)).sum(dim=1)
        return dot + self.bias_user(user_idx).squeeze(-1) + self.bias_item(item_idx).squeeze(-1) + self.mu

    def calculate_loss(self, y_pred, y, params, regularization, user_idx, item_idx, num_users, num_items):
        return svd_loss(y_pred, y, params, regularization, user_idx, item_idx, num_users, num_items)
