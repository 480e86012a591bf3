# Idiom seen in: mit-han-lab/efficientvit efficientvit/apps/trainer/run_config.py
# What it reproduces: RunConfig.build_optimizer groups parameters by (weight_decay, lr), giving every
# parameter whose name contains a no_wd_keys entry ('norm', 'bias') a zero decay before AdamW sees it. Clean.
import json

import numpy as np
import torch.nn as nn

from opt import build_optimizer

__all__ = ["RunConfig"]


class RunConfig:
    n_epochs: int
    init_lr: float
    warmup_epochs: int
    warmup_lr: float
    lr_schedule_name: str
    optimizer_name: str
    optimizer_params: dict
    weight_decay: float
    no_wd_keys: list
    grad_clip: float

    def __init__(self, **kwargs):
        for k, val in kwargs.items():
            setattr(self, k, val)
        annotations = {}
        for clas in type(self).mro():
            if hasattr(clas, "__annotations__"):
                annotations.update(clas.__annotations__)
        for k, k_type in annotations.items():
            assert hasattr(self, k), f"Key {k} with type {k_type} required for initialization."

    def build_optimizer(self, network: nn.Module):
        param_dict = {}
        for name, param in network.named_parameters():
            if param.requires_grad:
                opt_config = [self.weight_decay, self.init_lr]
                if self.no_wd_keys is not None and len(self.no_wd_keys) > 0:
                    if np.any([key in name for key in self.no_wd_keys]):
                        opt_config[0] = 0
                opt_key = json.dumps(opt_config)
                param_dict[opt_key] = param_dict.get(opt_key, []) + [param]

        net_params = []
        for opt_key, param_list in param_dict.items():
            wd, lr = json.loads(opt_key)
            net_params.append({"params": param_list, "weight_decay": wd, "lr": lr})

        optimizer = build_optimizer(net_params, self.optimizer_name, self.optimizer_params, self.init_lr)
        return optimizer
