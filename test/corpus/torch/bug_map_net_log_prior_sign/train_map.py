# Idiom seen in: JavierAntoran/Bayesian-Neural-Networks train_BootrapEnsemble_MNIST.py
# What it reproduces: the MNIST driver script (argparse, loaders, per-epoch logging) for map_model.MAP_Net; the
#   sign error that turns the prior into negative decay is in map_model.py.
from __future__ import division, print_function

import argparse

import torch
from torchvision import datasets, transforms

from map_model import MAP_Net

parser = argparse.ArgumentParser(description='Train a MAP net with a Gaussian prior')
parser.add_argument('--epochs', type=int, default=20)
parser.add_argument('--lr', type=float, default=1e-2)
parser.add_argument('--prior_sig', type=float, default=0.1)
parser.add_argument('--batch_size', type=int, default=128)
args = parser.parse_args()

use_cuda = torch.cuda.is_available()
transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.1307,), (0.3081,))])
trainset = datasets.MNIST(root='../data', train=True, download=True, transform=transform)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=args.batch_size, shuffle=True,
                                          pin_memory=use_cuda, num_workers=3)

net = MAP_Net(lr=args.lr, cuda=use_cuda, prior_sig=args.prior_sig, N_train=len(trainset))

for epoch in range(args.epochs):
    cost, errs, nb = 0.0, 0, 0
    for x, y in trainloader:
        c, e = net.fit(x, y)
        cost += c * len(x)
        errs += e
        nb += len(x)
    print('it %d/%d, Jtr_pred = %f, err = %f, log prior = %f' % (
        epoch, args.epochs, cost / nb, float(errs) / nb, net.prior_loglike()))

torch.save(net.model.state_dict(), 'map_net.pt')
