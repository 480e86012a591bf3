# Idiom seen in: Yura52/tabular-dl-num-embeddings lib/deep.py
# What it reproduces: parameters are split by module type and name (biases, BatchNorm/LayerNorm and the
#   periodic embedding coefficients -> weight_decay 0.0), and the optimizer class is looked up by name in
#   torch.optim with lr/weight_decay/momentum taken from the training config.
from typing import Any

import torch
import torch.nn as nn
from torch import optim


class Periodic(nn.Module):
    def __init__(self, n_features: int, n: int, sigma: float) -> None:
        super().__init__()
        self.coefficients = nn.Parameter(torch.normal(0.0, sigma, (n_features, n)))

    def forward(self, x):
        x = 2 * torch.pi * self.coefficients[None] * x[..., None]
        return torch.cat([torch.cos(x), torch.sin(x)], -1)


def default_zero_weight_decay_condition(module_name, module, parameter_name, parameter):
    del module_name, parameter
    return parameter_name.endswith('bias') or isinstance(
        module,
        (nn.BatchNorm1d, nn.LayerNorm, nn.InstanceNorm1d, Periodic),
    )


def split_parameters_by_weight_decay(model: nn.Module, zero_weight_decay_condition=default_zero_weight_decay_condition):
    parameters_info = {}
    for module_name, module in model.named_modules():
        for parameter_name, parameter in module.named_parameters():
            full_parameter_name = f'{module_name}.{parameter_name}' if module_name else parameter_name
            parameters_info.setdefault(full_parameter_name, ([], parameter))[0].append(
                zero_weight_decay_condition(module_name, module, parameter_name, parameter)
            )
    params_with_wd = {'params': []}
    params_without_wd = {'params': [], 'weight_decay': 0.0}
    for full_parameter_name, (results, parameter) in parameters_info.items():
        (params_without_wd if any(results) else params_with_wd)['params'].append(parameter)
    return [params_with_wd, params_without_wd]


def make_optimizer(config: dict[str, Any], parameter_groups) -> optim.Optimizer:
    return getattr(optim, config['optimizer'])(
        parameter_groups,
        **{x: config[x] for x in ['lr', 'weight_decay', 'momentum'] if x in config},
    )


def get_n_parameters(m: nn.Module):
    return sum(x.numel() for x in m.parameters() if x.requires_grad)
