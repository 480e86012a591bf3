# Idiom seen in: ai-med/quickNAT_pytorch quickNat_pytorch/quickNAT.py
# What it reproduces: the QuickNAT model module (dense encoder/decoder blocks with BatchNorm2d and
#   biased convolutions); the Solver in solver.py decays all of it with coupled Adam L2.
import torch
import torch.nn as nn
import torch.nn.functional as F


class DenseBlock(nn.Module):
    def __init__(self, params):
        super(DenseBlock, self).__init__()
        pad = (params['kernel_h'] - 1) // 2
        c_in, c_out = params['num_channels'], params['num_filters']
        self.conv1 = nn.Conv2d(c_in, c_out, (params['kernel_h'], params['kernel_w']), padding=pad)
        self.conv2 = nn.Conv2d(c_in + c_out, c_out, (params['kernel_h'], params['kernel_w']), padding=pad)
        self.conv3 = nn.Conv2d(c_in + 2 * c_out, c_out, 1)
        self.bn1 = nn.BatchNorm2d(c_in)
        self.bn2 = nn.BatchNorm2d(c_in + c_out)
        self.bn3 = nn.BatchNorm2d(c_in + 2 * c_out)
        self.prelu = nn.PReLU()

    def forward(self, x):
        o1 = self.conv1(self.prelu(self.bn1(x)))
        c1 = torch.cat((x, o1), dim=1)
        o2 = self.conv2(self.prelu(self.bn2(c1)))
        c2 = torch.cat((x, o1, o2), dim=1)
        return self.conv3(self.prelu(self.bn3(c2)))


class QuickNat(nn.Module):
    def __init__(self, params):
        super(QuickNat, self).__init__()
        self.encode1 = DenseBlock(params)
        params['num_channels'] = params['num_filters']
        self.encode2 = DenseBlock(params)
        self.bottleneck = DenseBlock(params)
        params['num_channels'] = 2 * params['num_filters']
        self.decode1 = DenseBlock(params)
        self.classifier = nn.Conv2d(params['num_filters'], params['num_class'], 1)

    def forward(self, x):
        e1 = self.encode1(x)
        e2 = self.encode2(F.max_pool2d(e1, 2))
        b = self.bottleneck(e2)
        d1 = self.decode1(torch.cat((b, e2), dim=1))
        d1 = F.interpolate(d1, scale_factor=2)
        return self.classifier(d1)

    @property
    def is_cuda(self):
        return next(self.parameters()).is_cuda

    def save(self, path):
        torch.save(self, path)
