# Idiom seen in: jaimec00/ProteinDiff proteus/training/optim.py
# What it reproduces: a dataclass optimizer config and setup_optim(cfg, model) that puts every tensor
#   with dim < 2 (biases, LayerNorm gamma/beta) in a 0.0 group of AdamW, with lr=1.0 scaled by a
#   LambdaLR (Noam-style) schedule.
# label-note: clean. AdamW is decoupled; no bias/norm decayed; lr*wd is not a plain-SGD factor here.
import math
from dataclasses import dataclass

from torch.nn import Module
from torch.optim import AdamW
from torch.optim.lr_scheduler import LambdaLR


@dataclass
class OptimCfg:
    beta1: float = 0.9
    beta2: float = 0.98
    eps: float = 1e-9
    weight_decay: float = 1e-2
    d_model: int = 256
    warmup_steps: int = 4000


def setup_optim(cfg: OptimCfg, model: Module):
    decay = []
    no_decay = []
    for param in model.parameters():
        if not param.requires_grad:
            continue
        if param.dim() < 2:  # biases, LayerNorm gamma/beta
            no_decay.append(param)
        else:
            decay.append(param)
    optim = AdamW(
        [
            {"params": decay, "weight_decay": cfg.weight_decay},
            {"params": no_decay, "weight_decay": 0.0},
        ],
        lr=1.0,  # scaled by the LambdaLR below
        betas=(cfg.beta1, cfg.beta2),
        eps=cfg.eps,
    )
    return optim


def setup_scheduler(cfg: OptimCfg, optim):
    def noam(step):
        step = max(step, 1)
        return cfg.d_model ** -0.5 * min(step ** -0.5, step * cfg.warmup_steps ** -1.5)
    return LambdaLR(optim, noam)
