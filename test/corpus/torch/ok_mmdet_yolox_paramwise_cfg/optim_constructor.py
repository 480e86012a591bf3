# Idiom seen in: open-mmlab/mmdetection configs/yolox/yolox_s_8x8_300e_coco.py (its paramwise_cfg is consumed by
#   mmengine's DefaultOptimWrapperConstructor; that constructor was not opened in this session and is written
#   here from its documented behaviour, shortened)
# What it reproduces: a config-driven optimizer builder: the optimizer class looked up by its 'type' string in
#   torch.optim, one param group per tensor built by walking the modules recursively, with the group's
#   weight_decay set to base_wd * norm_decay_mult for normalization layers and base_wd * bias_decay_mult for biases.
# label-note: clean with the only config of this folder (both multipliers 0.). Tensors with no explicit group value
#   (conv/linear weights) take the optimizer-level weight_decay.
import torch
from torch import nn
from torch.nn.modules.batchnorm import _BatchNorm
from torch.nn.modules.instancenorm import _InstanceNorm

NORM_TYPES = (_BatchNorm, _InstanceNorm, nn.GroupNorm, nn.LayerNorm)


class DefaultOptimWrapperConstructor:
    def __init__(self, optim_wrapper_cfg: dict):
        self.optimizer_cfg = dict(optim_wrapper_cfg['optimizer'])
        self.paramwise_cfg = dict(optim_wrapper_cfg.get('paramwise_cfg', {}))
        self.base_lr = self.optimizer_cfg.get('lr', None)
        self.base_wd = self.optimizer_cfg.get('weight_decay', None)

    def add_params(self, params: list, module: nn.Module, prefix: str = '') -> None:
        bias_decay_mult = self.paramwise_cfg.get('bias_decay_mult', None)
        norm_decay_mult = self.paramwise_cfg.get('norm_decay_mult', None)
        is_norm = isinstance(module, NORM_TYPES)
        for name, param in module.named_parameters(recurse=False):
            param_group = {'params': [param]}
            if not param.requires_grad:
                params.append(param_group)
                continue
            if self.base_wd is not None:
                if is_norm and norm_decay_mult is not None:
                    param_group['weight_decay'] = self.base_wd * norm_decay_mult
                elif name == 'bias' and bias_decay_mult is not None:
                    param_group['weight_decay'] = self.base_wd * bias_decay_mult
            params.append(param_group)
        for child_name, child_mod in module.named_children():
            child_prefix = f'{prefix}.{child_name}' if prefix else child_name
            self.add_params(params, child_mod, prefix=child_prefix)

    def __call__(self, model: nn.Module) -> torch.optim.Optimizer:
        optimizer_cfg = dict(self.optimizer_cfg)
        optimizer_cls = getattr(torch.optim, optimizer_cfg.pop('type'))
        params = []
        self.add_params(params, model)
        return optimizer_cls(params, **optimizer_cfg)
