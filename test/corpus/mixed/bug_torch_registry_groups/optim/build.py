# Idiom seen in: ZJCV/ZCls zcls/optim/optimizers/build.py
# What it reproduces: build_optimizer(cfg, model) walks model.modules(), puts Linear/Conv weights in a decay group and their biases plus every BatchNorm/GroupNorm/LayerNorm weight and bias in a group with weight_decay=0., then dispatches to the registered builder. Clean grouping.
import torch.nn as nn

from optim.registry import OPTIMIZERS
from optim import optimizers  # noqa: F401  (fills the registry)


def filter_weight(module):
    group_decay = []
    group_no_decay = []
    for m in module.modules():
        if isinstance(m, (nn.Linear, nn.modules.conv._ConvNd)):
            group_decay.append(m.weight)
            if m.bias is not None:
                group_no_decay.append(m.bias)
        elif isinstance(m, (nn.modules.batchnorm._BatchNorm, nn.GroupNorm, nn.LayerNorm)):
            if m.weight is not None:
                group_no_decay.append(m.weight)
            if m.bias is not None:
                group_no_decay.append(m.bias)
    assert len(list(module.parameters())) == len(group_decay) + len(group_no_decay)
    new_group_decay = [p for p in group_decay if p.requires_grad]
    new_group_no_decay = [p for p in group_no_decay if p.requires_grad]
    return [dict(params=new_group_decay), dict(params=new_group_no_decay, weight_decay=0.)]


def build_optimizer(cfg, model):
    assert isinstance(model, nn.Module)
    groups = filter_weight(model)
    optimizer = OPTIMIZERS[cfg.OPTIMIZER.NAME](cfg, groups)
    optimizer.zero_grad()
    return optimizer
