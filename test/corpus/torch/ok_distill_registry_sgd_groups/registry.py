# Idiom seen in: yoshitomo-matsubara/torchdistill torchdistill/optim/registry.py
# What it reproduces: the optimizer registry; given a list of parameter groups (not a module) it
# builds the optimizer class named by the config with the config's params splatted as defaults.
import torch
from torch import nn

OPTIM_DICT = {'sgd': torch.optim.SGD, 'adamw': torch.optim.AdamW}


def get_optimizer(module, optim_type, param_dict=None, filters_params=True, **kwargs):
    if param_dict is None:
        param_dict = dict()
    is_module = isinstance(module, nn.Module)
    optim_cls = OPTIM_DICT[optim_type.lower()]
    if is_module and filters_params:
        updatable_params = [p for p in module.parameters() if p.requires_grad]
        return optim_cls(updatable_params, **param_dict, **kwargs)
    return optim_cls(module, **param_dict, **kwargs)
