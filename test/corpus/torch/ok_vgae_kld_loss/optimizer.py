# Idiom seen in: soujie/GnnCode vgae/optimizer.py
# Idiom seen in: soujie/GnnCode vgae/model.py
# What it reproduces: VGAE loss = BCE + KLD where KLD = -0.5/n * mean(sum(1 + 2*logvar - mu^2 - exp(logvar)^2)):
# the squares are of latents returned by the model, not weights; Adam has no weight_decay: clean.
import torch
import torch.nn.functional as F


def loss_function(preds, labels, mu, logvar, n_nodes, norm, pos_weight):
    cost = norm * F.binary_cross_entropy_with_logits(preds, labels, pos_weight=pos_weight)
    # 0.5 * sum(1 + log(sigma^2) - mu^2 - sigma^2), Appendix B of Kingma and Welling
    KLD = -0.5 / n_nodes * torch.mean(torch.sum(
        1 + 2 * logvar - mu.pow(2) - logvar.exp().pow(2), 1))
    return cost + KLD
