# Idiom seen in: poetrilin/pinn-related train.py
# Idiom seen in: poetrilin/pinn-related models/PINN.py
# What it reproduces: wave-equation PINN trained with AdamW whose parameter groups decay only the
#   weight matrices (p.ndim > 1) and exclude biases; no penalty in the loss; clean.
import argparse

import torch
import torch.nn as nn

from utils import set_seed
from wave.settings import C, T_MAX


class PINN(nn.Module):
    def __init__(self, d_in=2, d_hidden=128, d_out=1):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(d_in, d_hidden), nn.Tanh(),
            nn.Linear(d_hidden, d_hidden), nn.Tanh(),
            nn.Linear(d_hidden, d_hidden), nn.Tanh(),
            nn.Linear(d_hidden, d_out),
        )

    def forward(self, x):
        return self.net(x)


def param_groups(model, weight_decay):
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        (decay if p.ndim > 1 else no_decay).append(p)
    return [{"params": decay, "weight_decay": weight_decay},
            {"params": no_decay, "weight_decay": 0.0}]


def pde_loss(model, x, t):
    x.requires_grad_(True)
    t.requires_grad_(True)
    u = model(torch.cat((x, t), dim=1))
    ones = torch.ones_like(u)
    u_x, u_t = torch.autograd.grad(u, [x, t], grad_outputs=ones, create_graph=True)
    u_xx = torch.autograd.grad(u_x, x, grad_outputs=ones, create_graph=True)[0]
    u_tt = torch.autograd.grad(u_t, t, grad_outputs=ones, create_graph=True)[0]
    return torch.mean((u_tt - C ** 2 * u_xx) ** 2)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--weight_decay", type=float, default=1e-2)
    parser.add_argument("--epochs", type=int, default=20000)
    args = parser.parse_args()

    set_seed(42)
    model = PINN()
    optimizer = torch.optim.AdamW(param_groups(model, args.weight_decay), lr=args.lr)
    for epoch in range(args.epochs):
        x = torch.rand(2048, 1)
        t = T_MAX * torch.rand(2048, 1)
        x0 = torch.rand(256, 1)
        u0 = model(torch.cat((x0, torch.zeros_like(x0)), dim=1))
        optimizer.zero_grad()
        loss = pde_loss(model, x, t) + torch.mean((u0 - torch.sin(torch.pi * x0)) ** 2)
        loss.backward()
        optimizer.step()
        if epoch % 1000 == 0:
            print(epoch, loss.item())


if __name__ == "__main__":
    main()
