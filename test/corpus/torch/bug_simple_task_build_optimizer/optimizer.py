# Idiom seen in: WickedFoxes/simple_task_pytorch classification_task/utils/optimizer.py
# What it reproduces: an optimizer factory taking the model, where every branch decays model.parameters() as one group
#   (BatchNorm and bias too), and the 'Adam' branch also makes the decay coupled L2 (the repo's own code).
import torch
import torch.nn as nn


def build_optimizer(model: nn.Module,
                    lr: float = 0.1,
                    weight_decay: float = 5e-4,
                    momentum: float = 0.9,
                    optimizer: str = 'SGD'):
    if optimizer == 'Adam':
        optimizer = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)  # expect: WD202, WD203
    elif optimizer == 'SGD':
        optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=True)  # expect: WD203
    elif optimizer == 'AdamW':
        optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)  # expect: WD203
    return optimizer
