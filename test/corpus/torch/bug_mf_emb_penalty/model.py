# Idiom seen in: Sevendogs077/rec-movielens-100k train.py
# Idiom seen in: Sevendogs077/rec-movielens-100k src/models/mf.py
# What it reproduces: MovieLens matrix factorization (embedding tables only); the user adds a penalty on the
#   batch embedding rows (u.norm(2).pow(2)) to the MSE loss AND gives Adam weight_decay=args.weight_decay:
#   the tables are decayed twice, once as coupled L2 inside Adam (a realistic mistake in this repo's idiom).
import torch
import torch.nn as nn


class MatrixFactorization(nn.Module):
    def __init__(self, num_users, num_items, num_features):
        super().__init__()
        self.user_embedding = nn.Embedding(num_embeddings=num_users, embedding_dim=num_features)
        self.item_embedding = nn.Embedding(num_embeddings=num_items, embedding_dim=num_features)
        nn.init.normal_(self.user_embedding.weight, mean=0, std=0.01)
        nn.init.normal_(self.item_embedding.weight, mean=0, std=0.01)

    def forward(self, user_ids, item_ids):
        user_embedding = self.user_embedding(user_ids)
        item_embedding = self.item_embedding(item_ids)
        return torch.sum(user_embedding * item_embedding, dim=1)

    def reg_loss(self, user_ids, item_ids):
        u = self.user_embedding(user_ids)
        i = self.item_embedding(item_ids)
        return (u.norm(2).pow(2) + i.norm(2).pow(2)) / (2 * len(user_ids))  # expect: WD201
