# Idiom seen in: BrightQin/DBA-Time-Series src/models/loss.py
# What it reproduces: the output-layer-only L2 term used when --global_reg is off (then the optimizer
#   gets weight_decay=0, so this penalty is the only decay on that path).
import torch
import torch.nn as nn
from torch.nn import functional as F


def l2_reg_loss(model):
    """Returns the squared L2 norm of the output layer of the given model"""
    for name, param in model.named_parameters():
        if name == 'output_layer.weight':
            return torch.sum(torch.square(param))


class NoFussCrossEntropyLoss(nn.CrossEntropyLoss):
    def forward(self, inp, target):
        return F.cross_entropy(inp, target.long().squeeze(), weight=self.weight, reduction=self.reduction)
