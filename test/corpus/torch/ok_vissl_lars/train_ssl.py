# Idiom seen in: facebookresearch/vissl vissl/optimizers/param_groups/default.py
# What it reproduces: a SimCLR-style pretraining script using vissl's grouping with
#   regularize_bias/regularize_bn off, LARS with weight decay 1e-6 only on weights, cosine schedule: clean.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision

from datasets import get_ssl_loader
from lars import LARS
from param_groups import get_optimizer_param_groups

OPTIMIZER = {
    'base_lr': 4.8,
    'momentum': 0.9,
    'weight_decay': 1e-6,
    'head_weight_decay': 1e-6,
    'regularize_bias': False,
    'regularize_bn': False,
    'num_epochs': 100,
}


class SimCLRModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = torchvision.models.resnet50()
        self.trunk.fc = nn.Identity()
        self.head = nn.Sequential(nn.Linear(2048, 2048), nn.BatchNorm1d(2048), nn.ReLU(inplace=True),
                                  nn.Linear(2048, 128))

    def forward(self, x):
        return F.normalize(self.head(self.trunk(x)), dim=1)


def nt_xent(z1, z2, temperature=0.1):
    z = torch.cat([z1, z2], dim=0)
    sim = z @ z.t() / temperature
    sim.fill_diagonal_(float('-inf'))
    n = z1.size(0)
    targets = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)]).to(z.device)
    return F.cross_entropy(sim, targets)


def main():
    model = SimCLRModel().cuda()
    param_groups = get_optimizer_param_groups(model, OPTIMIZER)
    optimizer = LARS(param_groups, lr=OPTIMIZER['base_lr'], momentum=OPTIMIZER['momentum'])
    loader = get_ssl_loader(batch_size=256)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=OPTIMIZER['num_epochs'] * len(loader))
    for epoch in range(OPTIMIZER['num_epochs']):
        for (x1, x2), _ in loader:
            loss = nt_xent(model(x1.cuda()), model(x2.cuda()))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            scheduler.step()


if __name__ == '__main__':
    main()
