# Idiom seen in: cemoody/pytorch-rec models/mf.py, models/mfpoly2.py (MF.loss -> likelihood + prior / n_batches)
# What it reproduces: explicit-feedback matrix factorization whose `loss(prediction, target)` returns the
#   pair (llh, reg) so the trainer can log both parts; reg is the embedding prior spread over the batches.
# label-note: WD104 on the `reg = ...` line: utils/trainer.py keeps only element [0] of the pair, so the
#   prior is computed every step and thrown away (it is not even logged).
import torch
from torch import nn
from torch.nn import Parameter

from models.biased_embedding import BiasedEmbedding


class MF(nn.Module):
    def __init__(self, n_users, n_items, n_dim, n_obs, lub=1., lib=1., luv=1., liv=1., loss=nn.MSELoss):
        super().__init__()
        self.embed_user = BiasedEmbedding(n_users, n_dim, lb=lub, lv=luv)
        self.embed_item = BiasedEmbedding(n_items, n_dim, lb=lib, lv=liv)
        self.glob_bias = Parameter(torch.FloatTensor([0.01]))
        self.n_obs = n_obs
        self.lossf = loss()

    def forward(self, u, i):
        bias = self.glob_bias.expand(len(u), 1).squeeze()
        bu, vu = self.embed_user(u)
        bi, vi = self.embed_item(i)
        intx = (vu * vi).sum(dim=1)
        return bias + bi + bu + intx

    def loss(self, prediction, target):
        n_batches = self.n_obs * 1.0 / target.size()[0]
        llh = self.lossf(prediction, target)
        reg = (self.embed_user.prior() + self.embed_item.prior()) / n_batches  # expect: WD104
        return llh, reg
