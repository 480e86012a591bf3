# Idiom seen in: fKunstner/optexp src/optexp/optimizers/optims/sgd.py
# Idiom seen in: fKunstner/optexp src/optexp/optimizers/weight_decay_strategy.py
# What it reproduces: optimizer dataclass that builds its param groups through a NoDecayOnBias strategy (biases and
# 1-D gains at 0.0) and hands them to torch SGD with momentum; the experiment trains on the cross entropy. Clean.
from dataclasses import dataclass, field

import torch
import torch.nn as nn

from optexp_data import load_cifar10  # experiment data package, not in this file


class NoDecayOnBias:
    def make_param_groups(self, model, weight_decay):
        decay, no_decay = [], []
        for name, p in model.named_parameters():
            if name.endswith("bias") or p.ndim <= 1:
                no_decay.append(p)
            else:
                decay.append(p)
        return [
            {"params": decay, "weight_decay": weight_decay},
            {"params": no_decay, "weight_decay": 0.0},
        ]


@dataclass(frozen=True)
class SGD:
    lr: float
    momentum: float = 0.0
    weight_decay: float = 0.0
    decay_strategy: NoDecayOnBias = field(default_factory=NoDecayOnBias)

    def load(self, model):
        groups = self.decay_strategy.make_param_groups(model, self.weight_decay)
        return torch.optim.SGD(groups, lr=self.lr, momentum=self.momentum)


def run(opt_cfg, epochs=50):
    model = nn.Sequential(
        nn.Conv2d(3, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, 10),
    )
    opt = opt_cfg.load(model)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(epochs):
        for x, y in load_cifar10(batch_size=128):
            opt.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()


if __name__ == "__main__":
    run(SGD(lr=0.05, momentum=0.9, weight_decay=5e-4))
