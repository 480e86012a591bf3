# Idiom seen in: ModelTC/mqbench-paper prototype/optimizer/__init__.py
# What it reproduces: the usual companion helper that splits conv/linear kernels from BN affines
#   and biases; the second group gets weight_decay 0. Clean.
import torch.nn as nn


def param_group_no_wd(model):
    pgroup_normal, pgroup_no_wd = [], []
    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            pgroup_normal.append(m.weight)
            if m.bias is not None:
                pgroup_no_wd.append(m.bias)
        elif isinstance(m, (nn.BatchNorm2d, nn.SyncBatchNorm, nn.GroupNorm)):
            if m.weight is not None:
                pgroup_no_wd.append(m.weight)
            if m.bias is not None:
                pgroup_no_wd.append(m.bias)
    return [{'params': pgroup_normal}, {'params': pgroup_no_wd, 'weight_decay': 0.0}]
