# Idiom seen in: zmgong/nam_with_attention nam/trainer/losses.py (penalize_loss, make_penalized_loss_func)
# What it reproduces: the NAM "penalized loss": BCE/MSE plus an output penalty on the per-feature outputs and
#   `l2_regularization * weight_decay(model)`, the mean over feature nets of the sum of squares of EVERY
#   parameter; returned as a closure that captures the model.
# label-note: WD201 on the line that squares the parameters: the same parameters also get AdamW's
#   weight_decay (config.decay_rate) in litnam.py, so they are decayed twice. The explicit penalty also
#   covers biases, but the WD203 placement rule only names optimizer sites, so WD203 is labelled in litnam.py.
import torch
import torch.nn as nn
import torch.nn.functional as F


def bce_loss(logits, targets):
    return F.binary_cross_entropy_with_logits(logits.view(-1), targets.view(-1))


def mse_loss(logits, targets):
    return F.mse_loss(logits.view(-1), targets.view(-1))


def penalize_loss(loss, fnn_out, model: nn.Module, output_regularization: float, l2_regularization: float):
    def features_loss(per_feature_outputs):
        b, f = per_feature_outputs.shape[0], per_feature_outputs.shape[-1]
        return torch.sum(per_feature_outputs ** 2) / (b * f)

    def weight_decay(model: nn.Module):
        num_networks = len(model.feature_nns)
        l2_losses = [(x ** 2).sum() for x in model.parameters()]  # expect: WD201
        return sum(l2_losses) / num_networks

    reg_loss = 0.0
    if output_regularization > 0:
        reg_loss += output_regularization * features_loss(fnn_out)
    if l2_regularization > 0:
        reg_loss += l2_regularization * weight_decay(model)
    return loss + reg_loss


def make_penalized_loss_func(model, regression, output_regularization, l2_regularization):
    loss_func = mse_loss if regression else bce_loss

    def penalized_loss_func(logits, targets, fnn_out):
        loss = loss_func(logits, targets)
        return penalize_loss(loss, fnn_out, model, output_regularization, l2_regularization)

    return penalized_loss_func
