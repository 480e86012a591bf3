# Idiom seen in: haesungpyun/seoul_tourism_recommendation_NGCF model/bprloss.py
# What it reproduces: a BPR loss module that carries its own weight_decay and adds
# weight_decay * (||u||^2 + ||i+||^2 + ||i-||^2) of the batch embeddings to the ranking loss; the
# Adam optimizer is built without weight_decay. Clean: one L2 term, and it is in the loss backward() uses.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import linalg as LA


class BPR(nn.Module):
    def __init__(self, weight_decay, batch_size):
        super(BPR, self).__init__()
        self.weight_decay = weight_decay
        self.batch_size = batch_size

    def forward(self, u_emb, pos_emb, neg_emb):
        x_upos = torch.mul(u_emb, pos_emb).sum(dim=1)
        x_uneg = torch.mul(u_emb, neg_emb).sum(dim=1)
        log_prob = F.logsigmoid(x_upos - x_uneg).sum()
        regularization = self.weight_decay * (LA.norm(u_emb, dim=1).pow(2).sum()
                                              + LA.norm(pos_emb, dim=1).pow(2).sum()
                                              + LA.norm(neg_emb, dim=1).pow(2).sum())
        return (-log_prob + regularization) / self.batch_size
