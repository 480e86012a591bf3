# Idiom seen in: hysts/pytorch_image_classification pytorch_image_classification/optim/__init__.py
# Idiom seen in: hysts/pytorch_image_classification pytorch_image_classification/config/defaults.py
# What it reproduces: yacs defaults with train.no_weight_decay_on_bn = False, so get_param_list takes the
# else branch: one group holding list(model.parameters()) with weight_decay, BN and biases decayed by SGD.
from typing import Any, Dict, List

import torch
import yacs.config


def get_param_list(config: yacs.config.CfgNode,
                   model: torch.nn.Module) -> List[Dict[str, Any]]:
    if config.train.no_weight_decay_on_bn:
        param_list = []
        for name, params in model.named_parameters():
            if 'conv.weight' in name:
                param_list.append({'params': params, 'weight_decay': config.train.weight_decay})
            else:
                param_list.append({'params': params, 'weight_decay': 0})
    else:
        param_list = [{'params': list(model.parameters()), 'weight_decay': config.train.weight_decay}]  # expect: WD203
    return param_list


def create_optimizer(config: yacs.config.CfgNode,
                     model: torch.nn.Module) -> torch.optim.Optimizer:
    params = get_param_list(config, model)
    if config.train.optimizer == 'sgd':
        optimizer = torch.optim.SGD(params,
                                    lr=config.train.base_lr,
                                    momentum=config.train.momentum,
                                    nesterov=config.train.nesterov)
    else:
        raise ValueError()
    return optimizer
