# Idiom seen in: AmrMKayid/nam nam/engine/losses.py
# Idiom seen in: AmrMKayid/nam nam/trainer/losses.py
# What it reproduces: penalized_loss(config, model, ...) whose L2 weight penalty is guarded by
#   `config.l2_regularization > 0`; the only config (defaults()) sets 0.0, so the weight-decay branch never runs
#   (WD303). The output penalty on feature-net outputs is an activation penalty, not weight decay.
import torch
import torch.nn as nn
import torch.nn.functional as F


def bce_loss(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    return F.binary_cross_entropy_with_logits(logits.view(-1), targets.view(-1))


def mse_loss(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    return F.mse_loss(logits.view(-1), targets.view(-1))


def penalized_loss(config, model: nn.Module, inputs: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Computes penalized loss with L2 regularization and output penalty."""

    def features_loss(per_feature_outputs: torch.Tensor) -> torch.Tensor:
        """Penalizes the L2 norm of the prediction of each feature net."""
        return config.output_regularization * (per_feature_outputs ** 2).sum() / per_feature_outputs.shape[1]

    def weight_decay(model: nn.Module) -> torch.Tensor:
        """Penalizes the L2 norm of weights in each feature net."""
        num_networks = 1 if config.use_dnn else len(model.feature_nns)
        l2_losses = [(x ** 2).sum() / 2 for x in model.parameters()]
        return sum(l2_losses) / num_networks

    logits, fnn_out = model(inputs)
    loss_func = mse_loss if config.regression else bce_loss
    loss = loss_func(logits, targets)

    reg_loss = 0.0
    if config.output_regularization > 0:
        reg_loss += features_loss(fnn_out)

    if config.l2_regularization > 0:  # expect: WD303
        reg_loss += config.l2_regularization * weight_decay(model)

    return loss + reg_loss
