# Idiom seen in: facebookresearch/vicreg main_vicreg.py
# What it reproduces: self-supervised VICReg pretraining with the repo's own LARS (an optim.Optimizer subclass)
# over model.parameters(), weight_decay_filter=exclude_bias_and_norm (p.ndim == 1). Clean: biases/BN are not decayed.
import argparse
import math
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn, optim

import augmentations as aug
import resnet
from folder import ImageFolder


def get_arguments():
    parser = argparse.ArgumentParser(description="Pretrain a resnet model with VICReg", add_help=False)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--arch", type=str, default="resnet50")
    parser.add_argument("--mlp", default="8192-8192-8192")
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--batch-size", type=int, default=2048)
    parser.add_argument("--base-lr", type=float, default=0.2)
    parser.add_argument("--wd", type=float, default=1e-6)
    parser.add_argument("--sim-coeff", type=float, default=25.0)
    parser.add_argument("--std-coeff", type=float, default=25.0)
    parser.add_argument("--cov-coeff", type=float, default=1.0)
    return parser


def exclude_bias_and_norm(p):
    return p.ndim == 1


def off_diagonal(x):
    n, m = x.shape
    return x.flatten()[:-1].view(n - 1, n + 1)[:, 1:].flatten()


class LARS(optim.Optimizer):
    def __init__(self, params, lr, weight_decay=0, momentum=0.9, eta=0.001,
                 weight_decay_filter=None, lars_adaptation_filter=None):
        defaults = dict(lr=lr, weight_decay=weight_decay, momentum=momentum, eta=eta,
                        weight_decay_filter=weight_decay_filter, lars_adaptation_filter=lars_adaptation_filter)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self):
        for g in self.param_groups:
            for p in g["params"]:
                dp = p.grad
                if dp is None:
                    continue
                if g["weight_decay_filter"] is None or not g["weight_decay_filter"](p):
                    dp = dp.add(p, alpha=g["weight_decay"])
                if g["lars_adaptation_filter"] is None or not g["lars_adaptation_filter"](p):
                    param_norm, update_norm = torch.norm(p), torch.norm(dp)
                    one = torch.ones_like(param_norm)
                    q = torch.where(param_norm > 0., torch.where(update_norm > 0, g["eta"] * param_norm / update_norm, one), one)
                    dp = dp.mul(q)
                state = self.state[p]
                if "mu" not in state:
                    state["mu"] = torch.zeros_like(p)
                mu = state["mu"]
                mu.mul_(g["momentum"]).add_(dp)
                p.add_(mu, alpha=-g["lr"])


class VICReg(nn.Module):
    def __init__(self, args):
        super().__init__()
        self.args = args
        self.num_features = int(args.mlp.split("-")[-1])
        self.backbone, self.embedding = resnet.__dict__[args.arch](zero_init_residual=True)
        f = list(map(int, f"{self.embedding}-{args.mlp}".split("-")))
        layers = []
        for i in range(len(f) - 2):
            layers += [nn.Linear(f[i], f[i + 1]), nn.BatchNorm1d(f[i + 1]), nn.ReLU(True)]
        layers.append(nn.Linear(f[-2], f[-1], bias=False))
        self.projector = nn.Sequential(*layers)

    def forward(self, x, y):
        x, y = self.projector(self.backbone(x)), self.projector(self.backbone(y))
        repr_loss = F.mse_loss(x, y)
        x, y = x - x.mean(dim=0), y - y.mean(dim=0)
        std_x, std_y = torch.sqrt(x.var(dim=0) + 1e-4), torch.sqrt(y.var(dim=0) + 1e-4)
        std_loss = torch.mean(F.relu(1 - std_x)) / 2 + torch.mean(F.relu(1 - std_y)) / 2
        cov_x = (x.T @ x) / (self.args.batch_size - 1)
        cov_y = (y.T @ y) / (self.args.batch_size - 1)
        cov_loss = off_diagonal(cov_x).pow_(2).sum().div(self.num_features) + \
            off_diagonal(cov_y).pow_(2).sum().div(self.num_features)
        return self.args.sim_coeff * repr_loss + self.args.std_coeff * std_loss + self.args.cov_coeff * cov_loss


def main(args):
    dataset = ImageFolder(args.data_dir / "train", aug.TrainTransform())
    loader = torch.utils.data.DataLoader(dataset, batch_size=args.batch_size, shuffle=True, num_workers=10)
    model = VICReg(args).cuda()
    optimizer = LARS(model.parameters(), lr=0, weight_decay=args.wd,
                     weight_decay_filter=exclude_bias_and_norm, lars_adaptation_filter=exclude_bias_and_norm)
    base_lr = args.base_lr * args.batch_size / 256
    max_steps = args.epochs * len(loader)
    for epoch in range(args.epochs):
        for step, ((x, y), _) in enumerate(loader, start=epoch * len(loader)):
            lr = base_lr * 0.5 * (1 + math.cos(math.pi * step / max_steps))
            for g in optimizer.param_groups:
                g["lr"] = lr
            optimizer.zero_grad()
            loss = model.forward(x.cuda(non_blocking=True), y.cuda(non_blocking=True))
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    parser = argparse.ArgumentParser('VICReg training script', parents=[get_arguments()])
    main(parser.parse_args())
