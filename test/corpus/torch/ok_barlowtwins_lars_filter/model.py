# Idiom seen in: facebookresearch/barlowtwins main.py (class BarlowTwins, off_diagonal)
# What it reproduces: ResNet-50 trunk (fc removed), a bias-free Linear/BatchNorm1d projector, and the
# cross-correlation loss all-reduced across GPUs.
# label-note: clean (see lars.py and main.py). Its 1-D tensors are the BatchNorm weights/biases.
import torch
import torchvision
from torch import nn


def off_diagonal(x):
    n, m = x.shape
    assert n == m
    return x.flatten()[:-1].view(n - 1, n + 1)[:, 1:].flatten()


class BarlowTwins(nn.Module):
    def __init__(self, args):
        super().__init__()
        self.args = args
        self.backbone = torchvision.models.resnet50(zero_init_residual=True)
        self.backbone.fc = nn.Identity()
        sizes = [2048] + list(map(int, args.projector.split('-')))
        layers = []
        for i in range(len(sizes) - 2):
            layers += [nn.Linear(sizes[i], sizes[i + 1], bias=False), nn.BatchNorm1d(sizes[i + 1]), nn.ReLU(True)]
        layers.append(nn.Linear(sizes[-2], sizes[-1], bias=False))
        self.projector = nn.Sequential(*layers)
        self.bn = nn.BatchNorm1d(sizes[-1], affine=False)

    def forward(self, y1, y2):
        c = self.bn(self.projector(self.backbone(y1))).T @ self.bn(self.projector(self.backbone(y2)))
        torch.distributed.all_reduce(c.div_(self.args.batch_size))
        on_diag = torch.diagonal(c).add_(-1).pow_(2).sum()
        off_diag = off_diagonal(c).pow_(2).sum()
        return on_diag + self.args.lambd * off_diag
