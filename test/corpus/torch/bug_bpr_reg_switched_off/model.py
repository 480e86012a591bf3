# Idiom seen in: HKUDS/LightGCL model.py
# What it reproduces: a BPR-MF model returning the ranking loss and, separately, the L2 of the batch's
#   user/item embedding rows (the usual reg_loss of LightGCN-style code).
import torch
import torch.nn as nn
import torch.nn.functional as F


class BPRMF(nn.Module):
    def __init__(self, n_users, n_items, dim):
        super().__init__()
        self.user_emb = nn.Embedding(n_users, dim)
        self.item_emb = nn.Embedding(n_items, dim)
        nn.init.normal_(self.user_emb.weight, std=0.1)
        nn.init.normal_(self.item_emb.weight, std=0.1)

    def bpr_loss(self, users, pos, neg):
        u = self.user_emb(users)
        p = self.item_emb(pos)
        n = self.item_emb(neg)
        loss = F.softplus((u * n).sum(1) - (u * p).sum(1)).mean()
        reg_loss = 0.5 * (u.norm(2).pow(2) + p.norm(2).pow(2) + n.norm(2).pow(2)) / float(len(users))
        return loss, reg_loss
