# Idiom seen in: angeluriot/Language_model dimgpt/training/optimizer.py
# What it reproduces: a subclass of torch.optim.AdamW that splits the parameter list by dimension
#   (>= 2 decayed, 1-D biases and norm gains not) with the decay constant from settings.
# label-note: clean. Biases and RMSNorm/LayerNorm gains are 1-D -> 0.0 group; AdamW is decoupled; both
#   groups give weight_decay explicitly, so AdamW's default 0.01 never applies.
import torch
from torch import nn

from settings import *


class AdamW(torch.optim.AdamW):

    def __init__(self, params: list[nn.Parameter], learning_rate: float, **kwargs):

        decay_params = [p for p in params if p.requires_grad and p.dim() >= 2]
        other_params = [p for p in params if p.requires_grad and p.dim() < 2]

        groups = [
            {'params': decay_params, 'weight_decay': WEIGHT_DECAY},
            {'params': other_params, 'weight_decay': 0.0}
        ]

        super().__init__(
            groups,
            lr=learning_rate,
            betas=(BETA_1, BETA_2),
            eps=EPSILON,
            fused=GPU_ENABLED,
            **kwargs
        )
