# Idiom seen in: torchkge-team/torchkge docs/tutorials/transe.rst
# What it reproduces: a TransE model (entity and relation embedding tables only) with a helper
#   that squares the embedding rows of a batch for an L2 regularization term.
import torch
import torch.nn as nn
import torch.nn.functional as F


class TransEModel(nn.Module):
    def __init__(self, emb_dim, n_ent, n_rel, p_norm=2):
        super().__init__()
        self.p_norm = p_norm
        self.ent_emb = nn.Embedding(n_ent, emb_dim)
        self.rel_emb = nn.Embedding(n_rel, emb_dim)
        nn.init.xavier_uniform_(self.ent_emb.weight)
        nn.init.xavier_uniform_(self.rel_emb.weight)

    def scoring(self, h, t, r):
        h = F.normalize(self.ent_emb(h), p=2, dim=1)
        t = F.normalize(self.ent_emb(t), p=2, dim=1)
        r = self.rel_emb(r)
        return -torch.norm(h + r - t, p=self.p_norm, dim=1)

    def forward(self, heads, tails, neg_heads, neg_tails, rels):
        return self.scoring(heads, tails, rels), self.scoring(neg_heads, neg_tails, rels)
