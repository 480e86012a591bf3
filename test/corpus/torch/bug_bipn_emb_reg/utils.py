# Idiom seen in: MingshiYan/BIPN utils.py
# Idiom seen in: MingshiYan/BIPN model.py
# Idiom seen in: MingshiYan/BIPN trainer.py
# What it reproduces: multi-behaviour recommender whose loss adds reg_weight * EmbLoss(user/item tables)
#   (squared norms, RecBole-style require_pow) while the Trainer's Adam also gets weight_decay=args.decay:
#   the embedding tables are decayed twice, once coupled through Adam. The model has no biases or norms.
import torch
import torch.nn as nn


class BPRLoss(nn.Module):
    def __init__(self, gamma=1e-10):
        super(BPRLoss, self).__init__()
        self.gamma = gamma

    def forward(self, p_score, n_score):
        loss = -torch.log(self.gamma + torch.sigmoid(p_score - n_score))
        return loss.mean()


class EmbLoss(nn.Module):
    """ EmbLoss, regularization on embeddings """

    def __init__(self, norm=2):
        super(EmbLoss, self).__init__()
        self.norm = norm

    def forward(self, *embeddings):
        emb_loss = 0
        for embedding in embeddings:
            tmp = torch.norm(embedding, p=self.norm).pow(2)  # expect: WD201
            tmp = tmp / embedding.shape[0]
            emb_loss += tmp
        return emb_loss
