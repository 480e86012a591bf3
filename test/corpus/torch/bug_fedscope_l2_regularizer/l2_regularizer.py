# Idiom seen in: alibaba/FederatedScope federatedscope/core/regularizer/l2_regularizer.py
# Idiom seen in: alibaba/FederatedScope federatedscope/core/auxiliaries/regularizer_builder.py
# What it reproduces: a registered L2 regularizer module that sums param**2 over ctx.model, built by name from the
#   config; fl_trainer.py adds it to the task loss while the SGD built from the same config already has weight_decay.
import torch
from torch.nn import Module

REGULARIZER_NAME = "l2_regularizer"
regularizer_dict = {}


def register_regularizer(key, module):
    regularizer_dict[key] = module


class L2Regularizer(Module):
    """Returns the squared l2 norm of the model weights."""
    def __init__(self):
        super(L2Regularizer, self).__init__()

    def forward(self, ctx, skip_bn=False):
        l2_norm = 0.
        for name, param in ctx.model.named_parameters():
            if skip_bn and 'bn' in name:
                continue
            l2_norm += torch.sum(param ** 2)
        return l2_norm


class DummyRegularizer(Module):
    def forward(self, ctx):
        return 0.


def call_l2_regularizer(type):
    if type == REGULARIZER_NAME:
        return L2Regularizer


register_regularizer(REGULARIZER_NAME, call_l2_regularizer)


def get_regularizer(type):
    if type is None or type == '':
        return DummyRegularizer()
    for func in regularizer_dict.values():
        regularizer = func(type)
        if regularizer is not None:
            return regularizer()
    raise NotImplementedError("Regularizer {} is not implemented.".format(type))
