# Idiom seen in: xieliang555/Language-Modeling main.py
# What it reproduces: optim.SGD(net.parameters(), lr=config.training.lr, weight_decay=
#   config.training.weight_decay, momentum=config.training.momentum) with the repo's weight_decay 0:
#   no decay, so neither the step-size check nor the bias check applies. The lr is divided by 4 on
#   plateaus through optimizer.param_groups. Clean.
import argparse
import math

import torch
import torch.nn as nn
import torch.optim as optim

import data
from config import config
from model import RNNLM

parser = argparse.ArgumentParser()
parser.add_argument('--device', type=str, default="cuda:1")
args = parser.parse_args()


def train(net, loader, criterion, optimizer):
    net.train()
    for batch in loader:
        optimizer.zero_grad()
        outs = net(batch.text)
        loss = criterion(outs.view(-1, outs.size(-1)), batch.target.view(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), config.training.grad_clip)
        optimizer.step()


def evaluate(net, loader, criterion):
    net.eval()
    total = 0.0
    with torch.no_grad():
        for batch in loader:
            outs = net(batch.text)
            total += criterion(outs.view(-1, outs.size(-1)), batch.target.view(-1)).item()
    return total / len(loader)


device = torch.device(args.device)
trainLoader, devLoader, testLoader = data.get_loaders(config, device)
net = RNNLM(config).to(device)
if config.training.optim_type == 'sgd':
    optimizer = optim.SGD(
        net.parameters(), lr=config.training.lr,
        weight_decay=config.training.weight_decay,
        momentum=config.training.momentum)
criterion = nn.CrossEntropyLoss()

best_dev_loss = float('inf')
for epoch in range(40):
    train(net, trainLoader, criterion, optimizer)
    dev_loss = evaluate(net, devLoader, criterion)
    print(f'| end of epoch {epoch:3d} | lr {optimizer.param_groups[0]["lr"]:2.3e} | dev ppl {math.exp(dev_loss):5.2f}')
    if dev_loss < best_dev_loss:
        best_dev_loss = dev_loss
        torch.save(net.state_dict(), 'lm.pth')
    else:
        optimizer.param_groups[0]['lr'] /= config.training.lr_decay_factor
