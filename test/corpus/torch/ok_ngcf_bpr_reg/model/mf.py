# Idiom seen in: haesungpyun/seoul_tourism_recommendation_NGCF model/bprloss.py
# What it reproduces: a BPR loss module that carries its own weight_decay and adds
# weight_decay * (||u||^2 + ||i+||^2 + ||i-||^2) of the batch embeddings to the ranking loss; the
# Adam optimizer is built without weight_decay. Clean: one L2 term, and it is in the loss backward() uses.
import torch.nn as nn


class MatrixFactorization(nn.Module):
    def __init__(self, n_users, n_items, emb_dim=64):
        super().__init__()
        self.user_emb = nn.Embedding(n_users, emb_dim)
        self.item_emb = nn.Embedding(n_items, emb_dim)
        nn.init.xavier_uniform_(self.user_emb.weight)
        nn.init.xavier_uniform_(self.item_emb.weight)

    def forward(self, users, pos_items, neg_items):
        return self.user_emb(users), self.item_emb(pos_items), self.item_emb(neg_items)
