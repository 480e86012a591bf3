# Idiom seen in: fKunstner/optexp src/optexp/optimizers/optims/adagrad.py
# Idiom seen in: fKunstner/optexp src/optexp/optimizers/weight_decay_strategy.py
# What it reproduces: experiment framework where an optimizer dataclass builds its param groups through a decay
# strategy; DecayEverything puts all model.parameters() in one decayed group of torch Adagrad: coupled L2 (WD202) on
# biases and norms too (WD203).
from dataclasses import dataclass

import torch


class WeightDecayStrategy:
    def make_param_groups(self, model, weight_decay):
        raise NotImplementedError


class DecayEverything(WeightDecayStrategy):
    def make_param_groups(self, model, weight_decay):
        return [{"params": model.parameters(), "weight_decay": weight_decay}]  # expect: WD202, WD203


class NoDecayOnBias(WeightDecayStrategy):
    def make_param_groups(self, model, weight_decay):
        decay = [p for n, p in model.named_parameters() if not n.endswith("bias") and p.ndim > 1]
        no_decay = [p for n, p in model.named_parameters() if n.endswith("bias") or p.ndim <= 1]
        return [
            {"params": decay, "weight_decay": weight_decay},
            {"params": no_decay, "weight_decay": 0.0},
        ]


@dataclass(frozen=True)
class Adagrad:
    lr: float
    weight_decay: float = 0.0
    lr_decay: float = 0.0
    decay_strategy: WeightDecayStrategy = DecayEverything()

    def load(self, model: torch.nn.Module) -> torch.optim.Optimizer:
        param_groups = self.decay_strategy.make_param_groups(model, self.weight_decay)
        return torch.optim.Adagrad(param_groups, lr=self.lr, lr_decay=self.lr_decay)
