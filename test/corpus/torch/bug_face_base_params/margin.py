# Idiom seen in: wujiyang/Face_Pytorch train.py
# Idiom seen in: wujiyang/Face_Pytorch margin/ArcMarginProduct.py
# What it reproduces: the backbone is decayed through `filter(lambda p: id(p) not in ignored, net.parameters())`,
#   which only takes out the PReLU slopes: every BatchNorm weight/bias of the backbone still gets 5e-4 (real repo).
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class ArcMarginProduct(nn.Module):
    def __init__(self, in_feature=128, out_feature=10575, s=32.0, m=0.50):
        super().__init__()
        self.s, self.m = s, m
        self.weight = nn.Parameter(torch.Tensor(out_feature, in_feature))
        nn.init.xavier_uniform_(self.weight)
        self.cos_m, self.sin_m = math.cos(m), math.sin(m)
        self.th = math.cos(math.pi - m)
        self.mm = math.sin(math.pi - m) * m

    def forward(self, x, label):
        cosine = F.linear(F.normalize(x), F.normalize(self.weight))
        sine = torch.sqrt((1.0 - cosine.pow(2)).clamp(0, 1))
        phi = cosine * self.cos_m - sine * self.sin_m
        phi = torch.where((cosine - self.th) > 0, phi, cosine - self.mm)
        one_hot = torch.zeros_like(cosine).scatter_(1, label.view(-1, 1), 1)
        return self.s * ((one_hot * phi) + ((1.0 - one_hot) * cosine))
