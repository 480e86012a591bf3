# Idiom seen in: Neural-Opt/second_order_optim_models optimizer/rmsprop.py
# What it reproduces: optimizer benchmark over RMSprop/Adam (no weight_decay: they are compared
#   undecayed) and SGD with a bias/BN-free decay group. Clean.
import torch
import torch.nn as nn
import torch.nn.functional as F

from models import resnet20
from data import cifar10_loaders

BENCH = {
    'rmsprop': dict(lr=1e-3, alpha=0.99, eps=1e-8),
    'adam': dict(lr=1e-3, betas=(0.9, 0.999)),
    'sgd': dict(lr=0.1, momentum=0.9, weight_decay=5e-4),
}


def split_decay(model):
    decay, no_decay = [], []
    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            decay.append(m.weight)
            if m.bias is not None:
                no_decay.append(m.bias)
        elif isinstance(m, nn.BatchNorm2d):
            no_decay.extend([m.weight, m.bias])
    return [{'params': decay}, {'params': no_decay, 'weight_decay': 0.0}]


def make(name, model):
    if name == 'rmsprop':
        return torch.optim.RMSprop(model.parameters(), **BENCH['rmsprop'])
    if name == 'adam':
        return torch.optim.Adam(model.parameters(), **BENCH['adam'])
    return torch.optim.SGD(split_decay(model), **BENCH['sgd'])


train_loader, _ = cifar10_loaders(128)
for name in BENCH:
    model = resnet20(num_classes=10).cuda()
    optimizer = make(name, model)
    for epoch in range(30):
        for x, y in train_loader:
            optimizer.zero_grad()
            loss = F.cross_entropy(model(x.cuda()), y.cuda())
            loss.backward()
            optimizer.step()
    print(name, 'final loss', loss.item())
