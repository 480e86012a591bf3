# Idiom seen in: kengz/SLM-Lab slm_lab/agent/net/net_util.py
# What it reproduces: get_optim(cls, optim_spec) looks the optimizer class up by the spec's 'name',
#   drops 'name' with pydash and splats the rest over cls.parameters(): whatever decay the spec carries
#   goes to every parameter of the net, biases included.
import pydash as ps
import torch
import torch.nn as nn

NN_LOWCASE_LOOKUP = {nn_name.lower(): nn_name for nn_name in nn.__dict__}


def build_sequential(dims, activation):
    '''Build the Sequential model by interleaving nn.Linear and activation_fn'''
    dim_pairs = list(zip(dims[:-1], dims[1:]))
    layers = []
    for in_d, out_d in dim_pairs:
        layers.append(nn.Linear(in_d, out_d))
        layers.append(get_activation_fn(activation))
    return nn.Sequential(*layers)


def get_activation_fn(activation):
    nn_name = NN_LOWCASE_LOOKUP.get(activation) or NN_LOWCASE_LOOKUP['relu']
    return getattr(nn, nn_name)()


def get_loss_fn(cls, loss_spec):
    LossClass = getattr(nn, loss_spec['name'])
    loss_spec = ps.omit(loss_spec, 'name')
    return LossClass(**loss_spec)


def get_optim(cls, optim_spec):
    '''Helper to parse optim param and construct optim for net'''
    OptimClass = getattr(torch.optim, optim_spec['name'])
    optim_spec = ps.omit(optim_spec, 'name')
    optim = OptimClass(cls.parameters(), **optim_spec)  # expect: WD203
    return optim
