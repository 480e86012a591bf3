# Idiom seen in: JavierAntoran/Bayesian-Neural-Networks src/Bootstrap_Ensemble/model.py
# Idiom seen in: JavierAntoran/Bayesian-Neural-Networks train_BootrapEnsemble_MNIST.py
# What it reproduces: bootstrap ensemble of MAP nets where SGD(momentum=0.5)'s weight_decay is "the precision of an
#   isotropic Gaussian prior". User mistake: loss switched to a per-example mean with lr 0.05, but the precision
#   1/0.1**2 = 100 was not divided by N: lr*wd = 5 >= 2*(1+0.5) = 3 (WD301); biases are in the decayed group (WD203).
from __future__ import division, print_function

import argparse
import copy

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data.sampler import SubsetRandomSampler
from torchvision import datasets, transforms

parser = argparse.ArgumentParser(description='Train Ensemble of MAP nets using bootstrapping')
parser.add_argument('--weight_decay', type=float, nargs='?', action='store', default=100.0,  # expect: WD301
                    help='Precision of an isotropic Gaussian prior (1/sigma^2 with sigma=0.1).')
parser.add_argument('--subsample', type=float, nargs='?', action='store', default=0.8)
parser.add_argument('--n_nets', type=int, nargs='?', action='store', default=10)
parser.add_argument('--epochs', type=int, nargs='?', action='store', default=10)
parser.add_argument('--lr', type=float, nargs='?', action='store', default=0.05)
parser.add_argument('--models_dir', type=str, nargs='?', action='store', default='Ensemble_models')
args = parser.parse_args()


class Linear_2L(nn.Module):
    def __init__(self, input_dim, output_dim, n_hid):
        super(Linear_2L, self).__init__()
        self.input_dim = input_dim
        self.fc1 = nn.Linear(input_dim, n_hid)
        self.fc2 = nn.Linear(n_hid, n_hid)
        self.fc3 = nn.Linear(n_hid, output_dim)
        self.act = nn.ReLU(inplace=True)

    def forward(self, x):
        x = x.view(-1, self.input_dim)
        x = self.act(self.fc1(x))
        x = self.act(self.fc2(x))
        return self.fc3(x)


class Bootstrap_Net(object):
    def __init__(self, lr=1e-3, channels_in=1, side_in=28, cuda=True, classes=10, weight_decay=0, n_hid=1200):
        self.lr = lr
        self.cuda = cuda
        self.weight_decay = weight_decay
        self.model = Linear_2L(channels_in * side_in * side_in, classes, n_hid)
        if self.cuda:
            self.model.cuda()
        self.create_opt()

    def create_opt(self):
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=self.lr, momentum=0.5, weight_decay=self.weight_decay)  # expect: WD203

    def fit(self, x, y):
        if self.cuda:
            x, y = x.cuda(), y.cuda()
        self.optimizer.zero_grad()
        out = self.model(x)
        loss = F.cross_entropy(out, y.long(), reduction='mean')
        loss.backward()
        self.optimizer.step()
        err = out.data.max(dim=1)[1].ne(y.data).sum()
        return loss.data, err


use_cuda = torch.cuda.is_available()
transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.1307,), (0.3081,))])
trainset = datasets.MNIST(root='../data', train=True, download=True, transform=transform)

weight_set_samples = []
for iii in range(args.n_nets):
    keep_idx = np.array([idx for idx in range(len(trainset)) if np.random.binomial(1, args.subsample) == 1])
    trainloader = torch.utils.data.DataLoader(trainset, batch_size=128, shuffle=False, pin_memory=use_cuda,
                                              num_workers=3, sampler=SubsetRandomSampler(keep_idx))
    net = Bootstrap_Net(lr=args.lr, cuda=use_cuda, weight_decay=args.weight_decay)
    for epoch in range(args.epochs):
        cost, errs, nb = 0.0, 0, 0
        for x, y in trainloader:
            c, e = net.fit(x, y)
            cost += c * len(x)
            errs += e
            nb += len(x)
        print('net %d it %d/%d, Jtr = %f, err = %f' % (iii, epoch, args.epochs, cost / nb, errs / nb))
    weight_set_samples.append(copy.deepcopy(net.model.state_dict()))

torch.save(weight_set_samples, args.models_dir + '/state_dicts.pt')
