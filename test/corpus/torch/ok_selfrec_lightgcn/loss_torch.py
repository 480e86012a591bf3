# Idiom seen in: Coder-Yu/SELFRec model/graph/LightGCN.py
# Idiom seen in: Coder-Yu/SELFRec util/loss_torch.py
# What it reproduces: LightGCN trains bpr_loss + l2_reg_loss(reg, batch embedding rows)/batch_size with a plain
#   Adam (no weight_decay): the hand-written penalty is the only decay and it is in the backpropagated loss: clean.
import torch


def bpr_loss(user_emb, pos_item_emb, neg_item_emb):
    pos_score = torch.mul(user_emb, pos_item_emb).sum(dim=1)
    neg_score = torch.mul(user_emb, neg_item_emb).sum(dim=1)
    loss = -torch.log(10e-6 + torch.sigmoid(pos_score - neg_score))
    return torch.mean(loss)


def l2_reg_loss(reg, *args):
    emb_loss = 0
    for emb in args:
        emb_loss += torch.norm(emb, p=2) / emb.shape[0]
    return emb_loss * reg
