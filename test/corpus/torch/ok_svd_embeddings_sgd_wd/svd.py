# Idiom seen in: bohyunshin/recommender recommender/model/mf/svd.py
# What it reproduces: the bias-free SVD model: two nn.Embedding factor tables and a dot product, no bias terms and no
#   normalization layers, so "all parameters" means the two embedding matrices.
import torch
import torch.nn as nn


class Model(nn.Module):
    def __init__(self, num_users: int, num_items: int, num_factors: int, **kwargs):
        """SVD model decomposing the user x item matrix; trains only the user and item embeddings."""
        super().__init__()
        self.embed_user = nn.Embedding(num_users, num_factors)
        self.embed_item = nn.Embedding(num_items, num_factors)
        nn.init.xavier_normal_(self.embed_user.weight)
        nn.init.xavier_normal_(self.embed_item.weight)

    def forward(self, user_idx: torch.Tensor, item_idx: torch.Tensor) -> torch.Tensor:
        embed_user = self.embed_user(user_idx)
        embed_item = self.embed_item(item_idx)
        return (embed_user * embed_item).sum(axis=1)
