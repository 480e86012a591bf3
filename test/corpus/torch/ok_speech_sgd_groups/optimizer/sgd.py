# Idiom seen in: IIP-Sogang/speech-pooling-benchmark optimizer/adam.py
# What it reproduces: the voxceleb_trainer layout, an optimizer module exposing
# Optimizer(parameters, lr, weight_decay, **kwargs); the trainer passes no-bias-decay parameter groups
# (1-d tensors and biases at 0) to the SGD version. Clean: SGD decay on weights only, small lr*wd.
import torch


def Optimizer(parameters, lr, weight_decay, **kwargs):
    print('Initialised SGD optimizer')
    return torch.optim.SGD(parameters, lr=lr, momentum=0.9, weight_decay=weight_decay)
