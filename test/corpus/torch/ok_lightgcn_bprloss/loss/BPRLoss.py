# Idiom seen in: 3112944976/KnowledgeTreasure AI/RSLearnCode/LightGCN/mylightgcn/loss/BPRLoss.py
# Idiom seen in: 3112944976/KnowledgeTreasure AI/RSLearnCode/LightGCN/mylightgcn/main.py
# What it reproduces: LightGCN with the L2 term on the layer-0 embeddings built inside a BPRLoss object
# (reg_loss * weight_decay added to the BPR loss that is backpropagated) and Adam WITHOUT weight_decay:
# the decay is applied once, through the loss. Clean.
import torch


class BPRLoss(object):
    def __init__(self, weight_decay):
        self.weight_decay = weight_decay

    def __call__(self, users_emb, pos_emb, neg_emb, users_emb0, pos_emb0, neg_emb0):
        # L2 on the ego (layer-0) embeddings of the batch, averaged over the batch
        reg_loss = (1 / 2) * (users_emb0.norm(2).pow(2) +
                              pos_emb0.norm(2).pow(2) +
                              neg_emb0.norm(2).pow(2)) / float(users_emb.shape[0])
        pos_scores = torch.sum(torch.mul(users_emb, pos_emb), dim=1)
        neg_scores = torch.sum(torch.mul(users_emb, neg_emb), dim=1)
        loss = torch.mean(torch.nn.functional.softplus(neg_scores - pos_scores))
        reg_loss = reg_loss * self.weight_decay
        return loss + reg_loss
