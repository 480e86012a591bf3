# Idiom seen in: AdFiFi/D-FaST utils/optimizer.py
# What it reproduces: init_optimizer collects lr and weight_decay in a kwargs dict and looks the optimizer
#   class up by name on torch.optim. With the default 'Adam' the decay is coupled L2 (WD202, at the dict
#   entry), and unless --no_weight_decay is passed the params are all of model.parameters(), BN weights and
#   biases included (WD203, at the call that receives them).
import logging
from collections import defaultdict

import torch


def get_param_group_no_wd(model: torch.nn.Module, match_rule: str = None, except_rule: str = None):
    param_group_no_wd = []
    names_no_wd = []
    param_group_normal = []
    type2num = defaultdict(lambda: 0)
    for name, m in model.named_modules():
        if match_rule is not None and match_rule not in name:
            continue
        if except_rule is not None and except_rule in name:
            continue
        if isinstance(m, (torch.nn.Conv2d, torch.nn.Linear)):
            if m.bias is not None:
                param_group_no_wd.append(m.bias)
                names_no_wd.append(name + '.bias')
                type2num[m.__class__.__name__ + '.bias'] += 1
        elif isinstance(m, (torch.nn.BatchNorm2d, torch.nn.BatchNorm1d)):
            if m.weight is not None:
                param_group_no_wd.append(m.weight)
                names_no_wd.append(name + '.weight')
            if m.bias is not None:
                param_group_no_wd.append(m.bias)
                names_no_wd.append(name + '.bias')
    for name, p in model.named_parameters():
        if name not in names_no_wd:
            param_group_normal.append(p)
    return [{'params': param_group_normal}, {'params': param_group_no_wd, 'weight_decay': 0.0}], type2num


def init_optimizer(model: torch.nn.Module, optimizer_config=None) -> torch.optim.Optimizer:
    parameters = {
        'lr': optimizer_config.learning_rate,
        'weight_decay': optimizer_config.weight_decay  # expect: WD202
    }

    if optimizer_config.no_weight_decay:
        params, _ = get_param_group_no_wd(model,
                                          match_rule=optimizer_config.match_rule,
                                          except_rule=optimizer_config.except_rule)
    else:
        params = list(model.parameters())
        logging.info(f'Parameters [normal] length [{len(params)}]')

    optimizer_type = optimizer_config.optimizer
    if optimizer_type == 'SGD':
        parameters['momentum'] = optimizer_config.momentum
        parameters['nesterov'] = optimizer_config.nesterov
    return getattr(torch.optim, optimizer_type)(params, **parameters)  # expect: WD203
