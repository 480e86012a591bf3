# Idiom seen in: facebookresearch/vissl vissl/optimizers/param_groups/default.py
# What it reproduces: vissl's param-group constructor walking named_modules(): conv/linear weights are
#   regularized, biases and BatchNorm/LayerNorm parameters go to a group with weight_decay 0.0.
import torch.nn as nn

_CONV_TYPES = (nn.Conv1d, nn.Conv2d, nn.Conv3d)
_NORM_TYPES = (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d, nn.SyncBatchNorm, nn.LayerNorm)


def get_optimizer_param_groups(model, optimizer_config):
    trunk_regularized, trunk_unregularized = [], []
    head_regularized, head_unregularized = [], []
    for name, module in model.named_modules():
        is_head = 'head' in name
        reg = head_regularized if is_head else trunk_regularized
        unreg = head_unregularized if is_head else trunk_unregularized
        if isinstance(module, nn.Linear) or isinstance(module, _CONV_TYPES):
            reg.append(module.weight)
            if module.bias is not None:
                if optimizer_config['regularize_bias']:
                    reg.append(module.bias)
                else:
                    unreg.append(module.bias)
        elif isinstance(module, _NORM_TYPES):
            if module.weight is not None:
                (reg if optimizer_config['regularize_bn'] else unreg).append(module.weight)
            if module.bias is not None:
                unreg.append(module.bias)
    return [
        {'params': trunk_regularized, 'lr': optimizer_config['base_lr'],
         'weight_decay': optimizer_config['weight_decay']},
        {'params': trunk_unregularized, 'lr': optimizer_config['base_lr'], 'weight_decay': 0.0},
        {'params': head_regularized, 'lr': optimizer_config['base_lr'],
         'weight_decay': optimizer_config['head_weight_decay']},
        {'params': head_unregularized, 'lr': optimizer_config['base_lr'], 'weight_decay': 0.0},
    ]
