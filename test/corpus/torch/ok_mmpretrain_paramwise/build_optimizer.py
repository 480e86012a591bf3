# Idiom seen in: open-mmlab/mmpretrain configs/_base_/schedules/imagenet_bs1024_adamw_conformer.py
# What it reproduces: a minimal paramwise constructor: one group per parameter whose weight_decay is
#   chosen by the parameter's module type and name (norms, biases, cls_token at 0). Clean.
import torch
import torch.nn as nn

NORMS = (nn.BatchNorm1d, nn.BatchNorm2d, nn.LayerNorm, nn.GroupNorm, nn.SyncBatchNorm)


def build_optimizer(model, cfg):
    cfg = dict(cfg)
    opt_type = cfg.pop('type')
    paramwise = cfg.pop('paramwise_cfg', {})
    base_wd = cfg['weight_decay']
    groups = []
    for module_name, module in model.named_modules():
        for name, param in module.named_parameters(recurse=False):
            if not param.requires_grad:
                continue
            full_name = '{}.{}'.format(module_name, name) if module_name else name
            wd = base_wd
            if isinstance(module, NORMS):
                wd = base_wd * paramwise.get('norm_decay_mult', 1.0)
            elif name == 'bias':
                wd = base_wd * paramwise.get('bias_decay_mult', 1.0)
            for key, opts in paramwise.get('custom_keys', {}).items():
                if key in '.' + full_name:
                    wd = base_wd * opts.get('decay_mult', 1.0)
            groups.append({'params': [param], 'weight_decay': wd})
    return getattr(torch.optim, opt_type)(groups, **cfg)
