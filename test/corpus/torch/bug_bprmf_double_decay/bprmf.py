# Idiom seen in: rdz98/bprmf-pytorch bprmf.py
# What it reproduces: BPR-MF on two nn.Embedding tables whose bpr_loss adds an L2 penalty on the
#   embedding rows of the batch (the model's `reg`); a user mistake in the repo's idiom (the real
#   repo passed reg=0 and no optimizer decay): main.py also gives Adam weight_decay -> double decay.
import torch
import torch.nn as nn


class BprMF(nn.Module):
    def __init__(self, n_user, m_item, dim, reg):
        super(BprMF, self).__init__()
        self.n_user = n_user
        self.m_item = m_item
        self.dim = dim
        self.reg = reg

        self.Embedding_User = nn.Embedding(n_user, dim)
        self.Embedding_Item = nn.Embedding(m_item, dim)
        nn.init.normal_(self.Embedding_User.weight, std=0.01)
        nn.init.normal_(self.Embedding_Item.weight, std=0.01)

    def bpr_loss(self, users, pos_items, neg_items):
        users_emb = self.Embedding_User(users)
        pos_items_emb = self.Embedding_Item(pos_items)
        neg_items_emb = self.Embedding_Item(neg_items)

        pos_scores = torch.sum(users_emb * pos_items_emb, dim=-1)
        neg_scores = torch.sum(users_emb * neg_items_emb, dim=-1)
        reg_loss = self.reg * (users_emb.norm(2).pow(2) + pos_items_emb.norm(2).pow(2) + neg_items_emb.norm(2).pow(2)) / 2 / float(len(users))  # expect: WD201
        loss = (pos_scores - neg_scores).sigmoid().log().mean()
        return -loss + reg_loss

    def forward(self, users, items):
        users_emb = self.Embedding_User(users)
        items_emb = self.Embedding_Item(items)
        return torch.sum(users_emb * items_emb, dim=-1)
