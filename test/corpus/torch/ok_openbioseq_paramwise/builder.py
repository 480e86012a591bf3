# Idiom seen in: Westlake-AI/OpenBioSeq openbioseq/core/optimizer/builder.py
# Idiom seen in: Westlake-AI/openmixup configs/classification/cifar100/optimizers/basic/r50_CE_none_bs100_sam_adamw_ep200.py
# What it reproduces: build_optimizer pops `type` and `paramwise_options`, then gives every
#   parameter its own group whose options are overridden by the first regex key matching its name.
import copy
import re

import torch


def build_optimizer(model, optimizer_cfg):
    optimizer_cfg = copy.deepcopy(optimizer_cfg)
    optim_type = optimizer_cfg.pop('type')
    paramwise_options = optimizer_cfg.pop('paramwise_options', None)
    optim_cls = getattr(torch.optim, optim_type)
    if paramwise_options is None:
        return optim_cls(model.parameters(), **optimizer_cfg)

    params = []
    for name, param in model.named_parameters():
        param_group = {'params': [param]}
        if not param.requires_grad:
            params.append(param_group)
            continue
        for regexp, options in paramwise_options.items():
            if re.search(regexp, name):
                for key, value in options.items():
                    if key.endswith('_mult'):
                        key = key[:-5]
                        value = optimizer_cfg[key] * value
                    param_group[key] = value
                break
        params.append(param_group)
    return optim_cls(params, **optimizer_cfg)
