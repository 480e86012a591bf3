# Idiom seen in: zains50/NGCF_Pytorch_Geometric bprloss.py
# What it reproduces: a BPR helper that returns the ranking loss and the raw L2 of the layer-0 (ego) embeddings as a pair; scaling the L2 by the decay and adding it is left to the caller (train.py, where it goes wrong).
import torch
import torch.nn.functional as F


def compute_bpr_loss(users, users_emb, pos_emb, neg_emb, user_emb0, pos_emb0, neg_emb0):
    # squared norm of the initial embeddings, per example in the batch
    reg_loss = (1 / 2) * (
        user_emb0.norm(2).pow(2)
        + pos_emb0.norm(2).pow(2)
        + neg_emb0.norm(2).pow(2)
    ) / float(len(users))

    pos_scores = torch.mul(users_emb, pos_emb).sum(dim=1)
    neg_scores = torch.mul(users_emb, neg_emb).sum(dim=1)
    bpr_loss = torch.mean(F.softplus(neg_scores - pos_scores))

    return bpr_loss, reg_loss


def bpr_accuracy(users_emb, pos_emb, neg_emb):
    with torch.no_grad():
        pos_scores = (users_emb * pos_emb).sum(dim=1)
        neg_scores = (users_emb * neg_emb).sum(dim=1)
        return (pos_scores > neg_scores).float().mean().item()
