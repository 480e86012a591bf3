# Idiom seen in: kakaoenterprise/JORLDY jorldy/core/optimizer/__init__.py
# Idiom seen in: kakaoenterprise/JORLDY jorldy/core/agent/ddpg.py
# What it reproduces: the optimizer registry: Optimizer(name, params, lr, **kwargs) looks the class up
# by its lower-case name and forwards the remaining keywords to it.
import torch.optim as optim

optimizer_dict = {
    "adam": optim.Adam,
    "rmsprop": optim.RMSprop,
    "sgd": optim.SGD,
    "adamw": optim.AdamW,
}


def Optimizer(name, params, lr, **kwargs):
    assert name in optimizer_dict, f"unknown optimizer {name}"
    return optimizer_dict[name](params, lr=lr, **kwargs)
