# Idiom seen in: gianlucapagliara/Benchmark-Analysis-of-Speaker-Recognition-Techniques graphs/optimizers/adam.py
# What it reproduces: clean twin of the voxceleb_trainer-style optimizer module: SGD with momentum and
#   weight_decay only on a decay group; 1-d params (biases, BatchNorm) go to a weight_decay=0 group.

import torch


def Optimizer(model, lr, weight_decay, **kwargs):

    decay, no_decay = [], []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        if param.ndim <= 1 or name.endswith('.bias'):
            no_decay.append(param)
        else:
            decay.append(param)

    print('Initialised SGD optimizer')

    return torch.optim.SGD([{'params': decay, 'weight_decay': weight_decay},
                            {'params': no_decay, 'weight_decay': 0.0}],
                           lr=lr, momentum=0.9)
