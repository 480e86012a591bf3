# Idiom seen in: cemoody/pytorch-rec models/mfpoly2.py (MFPoly2: MF plus a 2nd-order polynomial effect of a
#   per-rating frame/age feature)
# What it reproduces: `loss(prediction, target)` returns the pair (llh, reg); reg is the embedding prior per
#   minibatch (prior / n_batches), so that one epoch adds the prior exactly once.
# label-note: clean: the trainer sums the pair before backward (utils/trainer.py), so the prior is trained.
import torch
from torch import nn
from torch.nn import Parameter

from models.biased_embedding import BiasedEmbedding


class MFPoly2(nn.Module):
    def __init__(self, n_users, n_items, n_dim, n_obs, luv=1., liv=1., loss=nn.MSELoss):
        super().__init__()
        self.embed_user = BiasedEmbedding(n_users, n_dim, lv=luv)
        self.embed_item = BiasedEmbedding(n_items, n_dim, lv=liv)
        self.glob_bias = Parameter(torch.FloatTensor([0.01]))
        self.poly = nn.Linear(2, 1)
        self.n_obs = n_obs
        self.lossf = loss()

    def forward(self, u, i, f):
        bias = self.glob_bias.expand(len(u), 1).squeeze()
        bu, vu = self.embed_user(u)
        bi, vi = self.embed_item(i)
        intx = (vu * vi).sum(dim=1)
        fv = f.view(len(u), 1)
        effect = self.poly(torch.cat([fv, fv ** 2], dim=1)).squeeze()
        return bias + bi + bu + intx + effect

    def loss(self, prediction, target):
        n_batches = self.n_obs * 1.0 / target.size()[0]
        llh = self.lossf(prediction, target)
        reg = (self.embed_user.prior() + self.embed_item.prior()) / n_batches
        return llh, reg
