# Idiom seen in: GuanxingLu/ManiGaussian third_party/ODISE/configs/common/optim.py
# What it reproduces: detectron2-style optimizer config (AdamW over get_default_optimizer_params with
# weight_decay_norm=0.0 and weight_decay_bias=0.0): decoupled decay on kernels only. Clean.
from typing import Any, Dict, List, Set

import torch

NORM_MODULE_TYPES = (
    torch.nn.BatchNorm1d,
    torch.nn.BatchNorm2d,
    torch.nn.SyncBatchNorm,
    torch.nn.GroupNorm,
    torch.nn.LayerNorm,
)


def get_default_optimizer_params(model, base_lr, weight_decay, weight_decay_norm=0.0,
                                 weight_decay_bias=0.0):
    params: List[Dict[str, Any]] = []
    memo: Set[torch.nn.parameter.Parameter] = set()
    for module in model.modules():
        for key, value in module.named_parameters(recurse=False):
            if not value.requires_grad or value in memo:
                continue
            memo.add(value)
            wd = weight_decay
            if isinstance(module, NORM_MODULE_TYPES):
                wd = weight_decay_norm
            elif key == 'bias':
                wd = weight_decay_bias
            params.append({'params': [value], 'lr': base_lr, 'weight_decay': wd})
    return params
