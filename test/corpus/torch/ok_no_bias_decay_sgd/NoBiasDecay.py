# Idiom seen in: Ascend/ModelZoo-PyTorch PyTorch/dev/perf/mobilnetv3-cifar/NoBiasDecay.py
# What it reproduces: the "no bias decay" trick from Bag of Tricks: only Conv2d/Linear weights get weight_decay, biases
#   (at 2x lr) and every other weight (BatchNorm) get 0. Clean: the decayed group holds kernels only.
import torch.nn as nn


def noBiasDecay(model, lr, weight_decay):
    '''
    no bias decay : only apply weight decay to the weights in convolution and fully-connected layers
    '''
    decay, bias_no_decay, weight_no_decay = [], [], []
    for m in model.modules():
        if isinstance(m, nn.Conv2d) or isinstance(m, nn.Linear):
            decay.append(m.weight)
            if m.bias is not None:
                bias_no_decay.append(m.bias)
        else:
            if hasattr(m, 'weight') and isinstance(m.weight, nn.Parameter):
                weight_no_decay.append(m.weight)
            if hasattr(m, 'bias') and isinstance(m.bias, nn.Parameter):
                bias_no_decay.append(m.bias)

    assert len(list(model.parameters())) == len(decay) + len(bias_no_decay) + len(weight_no_decay)

    # bias using 2*lr
    return [{'params': bias_no_decay, 'lr': 2 * lr, 'weight_decay': 0.0},
            {'params': weight_no_decay, 'lr': lr, 'weight_decay': 0.0},
            {'params': decay, 'lr': lr, 'weight_decay': weight_decay}]
