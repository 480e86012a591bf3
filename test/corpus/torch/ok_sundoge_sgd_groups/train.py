# Idiom seen in: SunDoge/pytorch-image-classification configs/optimizers.libsonnet
# What it reproduces: a config function SGD(lr, weight_decay=1e-4) returning a dict with a "$params" placeholder,
# filled by the trainer with split param groups (no decay for BN and biases) before torch.optim.SGD(**cfg). Clean.
import copy

import torch
import torch.nn as nn
import torchvision

from configs import experiment
from data import build_imagenet_loader


def split_bn_bias(model):
    decay, no_decay = [], []
    for module in model.modules():
        for name, p in module.named_parameters(recurse=False):
            if isinstance(module, (nn.BatchNorm2d, nn.GroupNorm)) or name == "bias":
                no_decay.append(p)
            else:
                decay.append(p)
    return decay, no_decay


def build_optimizer(cfg, model):
    cfg = copy.deepcopy(cfg)
    cfg.pop("_name")
    weight_decay = cfg.pop("weight_decay")
    decay, no_decay = split_bn_bias(model)
    cfg["params"] = [
        {"params": decay, "weight_decay": weight_decay},
        {"params": no_decay, "weight_decay": 0.0},
    ]
    return torch.optim.SGD(**cfg)


def main():
    model = torchvision.models.__dict__[experiment["arch"]]()
    optimizer = build_optimizer(experiment["optimizer"], model)
    criterion = nn.CrossEntropyLoss()
    loader = build_imagenet_loader(experiment["batch_size"])
    for epoch in range(experiment["epochs"]):
        for images, target in loader:
            optimizer.zero_grad()
            loss = criterion(model(images), target)
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    main()
