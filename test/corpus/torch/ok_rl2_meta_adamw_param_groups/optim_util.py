# Idiom seen in: lucaslingle/pytorch_rl2 rl2/utils/optim_util.py
# What it reproduces: weight-decay parameter groups for the RL^2 meta-learner: 1-D tensors (biases, LayerNorm gains)
# go to a weight_decay=0.0 group, matrices to the decayed group.
import torch as tc


def get_weight_decay_param_groups(model, weight_decay):
    decay, no_decay = [], []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        elif len(param.shape) == 1:
            no_decay.append(param)
        else:
            decay.append(param)
    return [
        {'params': decay, 'weight_decay': weight_decay},
        {'params': no_decay, 'weight_decay': 0.0}
    ]
