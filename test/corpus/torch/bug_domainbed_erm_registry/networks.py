# Idiom seen in: facebookresearch/DomainBed domainbed/networks.py
# Idiom seen in: facebookresearch/DomainBed domainbed/algorithms.py
# What it reproduces: the featurizer (torchvision ResNet-50 with its BatchNorm layers, fc removed) and
#   the linear classifier that ERM chains into one nn.Sequential and optimizes as a whole.
import torch
import torch.nn as nn
import torchvision.models


class ResNet(torch.nn.Module):
    def __init__(self, input_shape, hparams):
        super(ResNet, self).__init__()
        if hparams['resnet18']:
            self.network = torchvision.models.resnet18(pretrained=True)
            self.n_outputs = 512
        else:
            self.network = torchvision.models.resnet50(pretrained=True)
            self.n_outputs = 2048
        del self.network.fc
        self.network.fc = Identity()
        self.hparams = hparams
        self.dropout = nn.Dropout(hparams['resnet_dropout'])

    def forward(self, x):
        return self.dropout(self.network(x))


class Identity(nn.Module):
    def forward(self, x):
        return x


def Featurizer(input_shape, hparams):
    if input_shape[1:3] == (224, 224):
        return ResNet(input_shape, hparams)
    raise NotImplementedError


def Classifier(in_features, out_features, is_nonlinear=False):
    if is_nonlinear:
        return torch.nn.Sequential(
            torch.nn.Linear(in_features, in_features // 2),
            torch.nn.ReLU(),
            torch.nn.Linear(in_features // 2, out_features))
    return torch.nn.Linear(in_features, out_features)
