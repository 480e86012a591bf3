# Idiom seen in: speechbrain/speechbrain speechbrain/utils/optimizers.py (rm_weight_decay_bias_and_norm_params)
# What it reproduces: a helper module that returns two param groups (1-D params, i.e. biases and norm scales, with
# weight_decay 0.0) used by a training script with SGD + momentum; decay only reaches the matrices/kernels. Clean.


def rm_weight_decay_bias_and_norm_params(modules, weight_decay):
    decay = []
    no_decay = []
    for name, param in modules.named_parameters():
        if not param.requires_grad:
            continue
        if len(param.shape) == 1:
            no_decay.append(param)
        else:
            decay.append(param)
    return [
        {"params": no_decay, "weight_decay": 0.0},
        {"params": decay, "weight_decay": weight_decay},
    ]
