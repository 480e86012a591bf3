# Idiom seen in: lucapantea/LightGCN code/losses/BPRLoss.py
# What it reproduces: the BPR criterion object that adds weight_decay * 1/2 ||e0||^2 / batch of the
#   layer-0 embedding rows to the softplus BPR loss it returns.
import torch
import torch.nn.functional as F


class BPRLoss:
    def __init__(self, weight_decay):
        self.weight_decay = weight_decay

    def __call__(self, users_embeddings, pos_items_embeddings, neg_items_embeddings,
                 users_embeddings_layer0, pos_items_embeddings_layer0, neg_items_embeddings_layer0):
        reg_loss = (1 / 2) * (users_embeddings_layer0.norm(2).pow(2) +
                              pos_items_embeddings_layer0.norm(2).pow(2) +
                              neg_items_embeddings_layer0.norm(2).pow(2)) / users_embeddings.shape[0]
        pos_scores = torch.sum(torch.mul(users_embeddings, pos_items_embeddings), dim=1)
        neg_scores = torch.sum(torch.mul(users_embeddings, neg_items_embeddings), dim=1)
        loss = torch.mean(F.softplus(neg_scores - pos_scores))
        reg_loss *= self.weight_decay
        loss += reg_loss
        return loss
