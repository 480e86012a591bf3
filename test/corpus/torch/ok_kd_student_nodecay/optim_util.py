# Idiom seen in: DefangChen/SemCKD train_student.py
# What it reproduces: the same distillation setup (student + hint regressor in a trainable_list), but the SGD
#   groups come from a helper that keeps 1-D tensors (biases, BatchNorm affine) out of the decay: clean.
import torch.nn as nn


def param_groups_weight_decay(modules: nn.ModuleList, weight_decay: float):
    """Conv/linear kernels are decayed; biases and norm scales/shifts (1-D) are not."""
    decay, no_decay = [], []
    for name, param in modules.named_parameters():
        if not param.requires_grad:
            continue
        if param.ndim <= 1:
            no_decay.append(param)
        else:
            decay.append(param)
    return [
        {'params': no_decay, 'weight_decay': 0.0},
        {'params': decay, 'weight_decay': weight_decay},
    ]
