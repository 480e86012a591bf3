# Idiom seen in: jbohnslav/deepethogram deepethogram/losses.py (should_decay_parameter, L2,
#   get_regularization_loss)
# What it reproduces: an explicit L2 criterion that skips BatchNorm, biases and 1-D tensors, chosen from
#   an omegaconf config; the optimizer carries no weight_decay (see train.py).
import logging

import torch
from omegaconf import DictConfig
from torch import nn

log = logging.getLogger(__name__)


def should_decay_parameter(name: str, param: torch.Tensor) -> bool:
    if not param.requires_grad:
        return False
    if "batchnorm" in name.lower() or "bn" in name.lower() or "bias" in name.lower():
        return False
    if param.ndim == 1:
        return False
    return True


def get_keys_to_decay(model: nn.Module) -> list:
    return [name for name, param in model.named_parameters() if should_decay_parameter(name, param)]


class L2(nn.Module):
    """L2 regularization on conv / linear weights only."""

    def __init__(self, model: nn.Module, alpha: float):
        super().__init__()
        self.alpha = alpha
        self.keys = get_keys_to_decay(model)

    def forward(self, model):
        l2_loss = 0
        for key, param in model.named_parameters():
            if key in self.keys:
                l2_loss += param.pow(2).sum() * 0.5
        return l2_loss * self.alpha


def get_regularization_loss(cfg: DictConfig, model):
    if cfg.train.regularization.style == "l2":
        log.info("Regularization: L2. alpha: {}".format(cfg.train.regularization.alpha))
        return L2(model, cfg.train.regularization.alpha)
    raise NotImplementedError(cfg.train.regularization.style)
