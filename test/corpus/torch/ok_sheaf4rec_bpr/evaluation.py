# Idiom seen in: antoniopurificato/Sheaf4Rec evaluation.py
# What it reproduces: compute_bpr_loss returns (bpr_loss, reg_loss), the reg term being half the squared
#   norms of the batch's layer-0 embeddings divided by the batch size, as in the LightGCN paper.
import torch
import torch.nn.functional as F


def compute_bpr_loss(users, users_emb, pos_emb, neg_emb, user_emb0, pos_emb0, neg_emb0):
    # compute loss from initial embeddings, used for regulization
    reg_loss = (1 / 2) * (
        user_emb0.norm().pow(2) +
        pos_emb0.norm().pow(2) +
        neg_emb0.norm().pow(2)
    ) / float(len(users))

    pos_scores = torch.mul(users_emb, pos_emb).sum(dim=1)
    neg_scores = torch.mul(users_emb, neg_emb).sum(dim=1)
    bpr_loss = torch.mean(F.softplus(neg_scores - pos_scores))
    return bpr_loss, reg_loss


def get_metrics(user_embed, item_embed, train_mask, test_items, K):
    relevance_score = torch.matmul(user_embed, item_embed.t())
    relevance_score = relevance_score * (1 - train_mask)
    topk = torch.topk(relevance_score, K).indices
    hits = [len(set(topk[u].tolist()) & set(items)) for u, items in test_items.items()]
    recall = sum(h / max(len(test_items[u]), 1) for h, u in zip(hits, test_items)) / len(hits)
    precision = sum(h / K for h in hits) / len(hits)
    return recall, precision
