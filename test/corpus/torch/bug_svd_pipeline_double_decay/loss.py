# Idiom seen in: bohyunshin/recommender recommender/loss/custom.py
# What it reproduces: svd_loss = mse + an explicit L2 penalty on the user/item embedding rows of the batch; the pipeline
#   (pipeline.py) also gives SGD weight_decay on the same parameters, so every embedding is decayed twice.
import torch
import torch.nn.functional as F


def svd_loss(pred, true, params, regularization, user_idx, item_idx, num_users, num_items):
    """SVD loss with penalty term together (user/item factors and their bias terms)."""
    true = true.squeeze()
    mse = F.mse_loss(pred, true, reduction="mean")
    penalty = calculate_penalty(
        params=params,
        regularization=regularization,
        user_idx=user_idx,
        item_idx=item_idx,
        num_users=num_users,
        num_items=num_items,
    )
    return mse + penalty


def calculate_penalty(params, regularization, user_idx, item_idx, num_users, num_items):
    """Penalty in l2 norm, only on the rows that took part in this batch."""
    penalty = torch.tensor(0.0)
    for param in params:
        if param.shape[0] == num_users:
            param = param[user_idx]
        elif param.shape[0] == num_items:
            param = param[item_idx]
        else:
            continue
        penalty = penalty + param.norm(dim=1).pow(2).sum() * regularization  # expect: WD201
    return penalty
