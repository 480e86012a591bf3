# Idiom seen in: Lyce24/CSCI2952_Final Utils/utils.py; amine-bambrik-p8/face-expression-recognition agents/optimizers/sgd_momentum.py
# What it reproduces: an optimizer factory taking a config dict: weights in a decayed group, biases and 1-d norm
# parameters with 'weight_decay': 0.0 (this part is wired correctly).
import torch


def build_optimizer(cfg, model):
    decay, no_decay = [], []
    for n, p in model.named_parameters():
        if not p.requires_grad:
            continue
        if p.ndim == 1 or n.endswith(".bias"):
            no_decay.append(p)
        else:
            decay.append(p)
    groups = [
        {"params": decay, "weight_decay": cfg["weight_decay"]},
        {"params": no_decay, "weight_decay": 0.0},
    ]
    return torch.optim.SGD(groups, lr=cfg["lr"], momentum=cfg["momentum"], nesterov=True)
