# Idiom seen in: facexteam/pytorch-cifar train_large_margin_zyf.py
# What it reproduces: a CosFace head wrapping a ResNet20 with BatchNorm, trained with
# optim.SGD(net.parameters(), momentum=args.mom, weight_decay=args.wd): BN affine params and biases decay (as in the repo).
import torch
import torch.nn as nn
import torch.nn.functional as F


class LargeMarginModule_Cosineface(nn.Module):
    def __init__(self, embedding_net, output_size=10, scale=32, m=0.35):
        super().__init__()
        self.embedding_net = embedding_net
        self.linear = nn.Linear(embedding_net.emb_size, output_size, bias=False)
        self.scale = scale
        self.m = m

    def forward(self, x, targets):
        embedding = F.normalize(self.embedding_net(x), dim=1)
        weight = F.normalize(self.linear.weight, dim=1)
        cos_theta = F.linear(embedding, weight).clamp(-1, 1)
        one_hot = torch.zeros_like(cos_theta).scatter_(1, targets.view(-1, 1), 1.0)
        output = self.scale * (cos_theta - one_hot * self.m)
        return output, cos_theta
