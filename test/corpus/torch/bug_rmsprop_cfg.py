# Idiom seen in: Neural-Opt/second_order_optim_models optimizer/rmsprop.py
# What it reproduces: benchmark script building torch RMSprop from a config dict that carries
#   weight_decay (added to the gradient before the adaptive scaling: coupled L2), over all
#   model.parameters() including BN affines and biases.
import argparse

import torch
import torch.nn as nn
import torch.nn.functional as F

from models import resnet20
from data import cifar10_loaders

parser = argparse.ArgumentParser()
parser.add_argument('--epochs', type=int, default=100)
parser.add_argument('--batch_size', type=int, default=128)
args = parser.parse_args()

rmsprop_cfg = {
    'lr': 1e-3,
    'alpha': 0.99,
    'eps': 1e-8,
    'weight_decay': 5e-4,  # expect: WD202
    'momentum': 0.0,
}

device = 'cuda' if torch.cuda.is_available() else 'cpu'
model = resnet20(num_classes=10).to(device)
optimizer = torch.optim.RMSprop(model.parameters(), **rmsprop_cfg)  # expect: WD203
train_loader, test_loader = cifar10_loaders(args.batch_size)

for epoch in range(args.epochs):
    model.train()
    for x, y in train_loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
    model.eval()
    correct = total = 0
    with torch.no_grad():
        for x, y in test_loader:
            pred = model(x.to(device)).argmax(1)
            correct += (pred.cpu() == y).sum().item()
            total += y.numel()
    print('epoch {} acc {:.4f}'.format(epoch, correct / total))
