# Idiom seen in: gianlucapagliara/Benchmark-Analysis-of-Speaker-Recognition-Techniques graphs/optimizers/adam.py
# What it reproduces: voxceleb_trainer-style optimizer module Optimizer(parameters, lr, weight_decay, **kwargs)
#   returning torch.optim.Adam with weight_decay (coupled L2), given every parameter of a BatchNorm
#   ResNet (SpeakerNet passes self.__model__.parameters()); decay from the --weight_decay flag.

import torch


def Optimizer(parameters, lr, weight_decay, **kwargs):

    print('Initialised Adam optimizer')

    return torch.optim.Adam(parameters, lr=lr,
                            weight_decay=weight_decay)  # expect: WD202
