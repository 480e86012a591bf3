# Idiom seen in: open-mmlab/mmcv mmcv/runner/optimizer/default_constructor.py
# What it reproduces: DefaultOptimizerConstructor.add_params: one param group per parameter, whose
# weight_decay is base_wd times bias_decay_mult / norm_decay_mult for biases and norm layers.
import copy

import torch
import torch.nn as nn
from torch.nn.modules.batchnorm import _BatchNorm


class DefaultOptimizerConstructor:
    def __init__(self, optimizer_cfg):
        optimizer_cfg = copy.deepcopy(optimizer_cfg)
        self.paramwise_cfg = optimizer_cfg.pop('paramwise_cfg', {})
        self.optimizer_cfg = optimizer_cfg
        self.base_lr = optimizer_cfg.get('lr', None)
        self.base_wd = optimizer_cfg.get('weight_decay', None)

    def add_params(self, params, module):
        bias_decay_mult = self.paramwise_cfg.get('bias_decay_mult', 1.0)
        norm_decay_mult = self.paramwise_cfg.get('norm_decay_mult', 1.0)
        is_norm = isinstance(module, (_BatchNorm, nn.GroupNorm, nn.LayerNorm))
        for name, param in module.named_parameters(recurse=False):
            param_group = {'params': [param]}
            if not param.requires_grad:
                params.append(param_group)
                continue
            if self.base_wd is not None:
                if is_norm:
                    param_group['weight_decay'] = self.base_wd * norm_decay_mult
                elif name == 'bias':
                    param_group['weight_decay'] = self.base_wd * bias_decay_mult
            params.append(param_group)
        for child_mod in module.children():
            self.add_params(params, child_mod)

    def __call__(self, model):
        optimizer_cfg = self.optimizer_cfg.copy()
        optim_cls = getattr(torch.optim, optimizer_cfg.pop('type'))
        params = []
        self.add_params(params, model)
        return optim_cls(params, **optimizer_cfg)
