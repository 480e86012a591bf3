# Idiom seen in: lucapantea/LightGCN code/losses/BPRLoss.py
# What it reproduces: a BPR criterion object that squares the layer-0 embedding rows of the batch
#   (rows of the model's nn.Embedding tables) and adds weight_decay * reg to the loss; the same
#   tables are also decayed by Adam(weight_decay=args.decay) in main.py: double decay (WD201).
import torch


class BPRLoss:
    def __init__(self, weight_decay):
        self.weight_decay = weight_decay

    def __call__(self, users_emb, pos_emb, neg_emb, users_emb0, pos_emb0, neg_emb0):
        reg_loss = (1 / 2) * (users_emb0.norm(2).pow(2) +  # expect: WD201
                              pos_emb0.norm(2).pow(2) +
                              neg_emb0.norm(2).pow(2)) / users_emb.shape[0]
        pos_scores = torch.sum(torch.mul(users_emb, pos_emb), dim=1)
        neg_scores = torch.sum(torch.mul(users_emb, neg_emb), dim=1)
        loss = torch.mean(torch.nn.functional.softplus(neg_scores - pos_scores))
        reg_loss *= self.weight_decay
        loss += reg_loss
        return loss
