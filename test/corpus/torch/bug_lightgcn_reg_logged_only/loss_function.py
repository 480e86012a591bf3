# Idiom seen in: unhappyh2/Graph_learn src/data_evaluation/loss_function.py
# Idiom seen in: unhappyh2/Graph_learn src/main.py
# What it reproduces: the LightGCN BPR helper computes lambda * ||e^0||^2 on the batch's ego
# embeddings but (after a refactor "for logging") returns it apart from the BPR loss; train.py
# backpropagates only the BPR part, so the term is dropped (realistic mistake; original adds it).
import torch
import torch.nn.functional as F


def bpr_loss(users_emb_final, users_emb_0, pos_items_emb_final, pos_items_emb_0,
             neg_items_emb_final, neg_items_emb_0, lambda_val):
    """Bayesian Personalized Ranking loss; returns (bpr, reg) so both can be logged."""
    reg_loss = lambda_val * (users_emb_0.norm(2).pow(2) +  # expect: WD104
                             pos_items_emb_0.norm(2).pow(2) +
                             neg_items_emb_0.norm(2).pow(2))

    pos_scores = torch.sum(torch.mul(users_emb_final, pos_items_emb_final), dim=-1)
    neg_scores = torch.sum(torch.mul(users_emb_final, neg_items_emb_final), dim=-1)
    bpr = torch.mean(F.softplus(neg_scores - pos_scores))
    return bpr, reg_loss
