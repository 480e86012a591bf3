# Idiom seen in: gianlucapagliara/Benchmark-Analysis-of-Speaker-Recognition-Techniques graphs/optimizers/adam.py
# What it reproduces: voxceleb_trainer-style optimizer module Optimizer(parameters, lr, weight_decay, **kwargs)
#   returning torch.optim.Adam with weight_decay (coupled L2), given every parameter of a BatchNorm
#   ResNet (SpeakerNet passes self.__model__.parameters()); decay from the --weight_decay flag.

import time

import torch
import torch.nn as nn
import torch.nn.functional as F

from adam import Optimizer


class ResNetSE(nn.Module):
    def __init__(self, nOut=512, n_mels=40):
        super(ResNetSE, self).__init__()
        self.conv1 = nn.Conv2d(1, 32, kernel_size=3, padding=1)
        self.bn1 = nn.BatchNorm2d(32)
        self.conv2 = nn.Conv2d(32, 64, kernel_size=3, stride=2, padding=1)
        self.bn2 = nn.BatchNorm2d(64)
        self.fc = nn.Linear(64 * (n_mels // 2), nOut)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x.unsqueeze(1))))
        x = F.relu(self.bn2(self.conv2(x)))
        x = x.mean(dim=-1).flatten(1)
        return self.fc(x)


class AAMSoftmax(nn.Module):
    def __init__(self, nOut, nClasses, margin=0.2, scale=30):
        super(AAMSoftmax, self).__init__()
        self.weight = nn.Parameter(torch.randn(nClasses, nOut) * 0.01)
        self.m, self.s = margin, scale

    def forward(self, x, label):
        cosine = F.linear(F.normalize(x), F.normalize(self.weight))
        onehot = F.one_hot(label, cosine.shape[1]).float()
        logits = self.s * (cosine - self.m * onehot)
        return F.cross_entropy(logits, label)


class SpeakerNet(nn.Module):

    def __init__(self, nOut, nClasses, **kwargs):
        super(SpeakerNet, self).__init__()
        self.__S__ = ResNetSE(nOut=nOut)
        self.__L__ = AAMSoftmax(nOut, nClasses)
        self.__model__ = nn.ModuleList([self.__S__, self.__L__])
        self.__optimizer__ = Optimizer(self.__model__.parameters(), **kwargs)  # expect: WD203

    def train_network(self, loader):
        self.train()
        stepsize = loader.batch_size
        counter, loss = 0, 0
        tstart = time.time()
        for data, data_label in loader:
            self.zero_grad()
            outp = self.__S__(data.cuda())
            nloss = self.__L__(outp, data_label.cuda())
            nloss.backward()
            self.__optimizer__.step()
            loss += nloss.detach().cpu().item()
            counter += 1
        print('Processing (%d) Loss %f - %.2f Hz' % (counter * stepsize, loss / counter,
                                                     counter * stepsize / (time.time() - tstart)))
        return loss / counter
