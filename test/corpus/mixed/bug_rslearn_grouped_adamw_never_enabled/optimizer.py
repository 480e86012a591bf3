# Idiom seen in: allenai/rslearn rslearn/train/optimizer.py
# What it reproduces: an OptimizerFactory dataclass in rslearn's style, extended by a user with a guarded
#   decay/no-decay split (`if self.weight_decay > 0:`). Every construction in the workspace passes
#   weight_decay=0.0 (or takes the 0.0 default), so the grouping code is dead: WD303 at the guard.
from dataclasses import dataclass

import lightning as L
import torch.optim
from torch.optim import Optimizer


class OptimizerFactory:
    """A factory class that initializes the optimizer given the LightningModule."""

    def build(self, lm: L.LightningModule) -> Optimizer:
        raise NotImplementedError


@dataclass
class GroupedAdamW(OptimizerFactory):
    """AdamW that keeps biases and norm parameters out of the decay."""

    lr: float = 0.001
    betas: tuple[float, float] = (0.9, 0.999)
    weight_decay: float = 0.0

    def build(self, lm: L.LightningModule) -> Optimizer:
        params = [p for p in lm.parameters() if p.requires_grad]
        if self.weight_decay > 0:  # expect: WD303
            decay = [p for p in params if p.ndim > 1]
            no_decay = [p for p in params if p.ndim <= 1]
            params = [
                {"params": decay, "weight_decay": self.weight_decay},
                {"params": no_decay, "weight_decay": 0.0},
            ]
        return torch.optim.AdamW(params, lr=self.lr, betas=self.betas, weight_decay=0.0)
