# Idiom seen in: mohmdelsayed/HesScale core/optim/sgd.py
# What it reproduces: second-order-methods benchmark script choosing an optimizer from flags; the SGD run gets
# --weight_decay 50.0 by default (meant 5e-5): lr*wd = 0.1*50 = 5 >= 2*(1+0.9) with momentum (WD301); the single group
# decays biases too (WD203).
# The optimizer code and values are written here in the repository's idiom; the real code was not seen to have this mistake.
import argparse

import torch
import torch.nn as nn
import torch.nn.functional as F

from core.tasks import get_task  # benchmark task registry, not in this folder


def build_net(n_obs, n_out, hidden=32):
    return nn.Sequential(
        nn.Linear(n_obs, hidden), nn.Tanh(),
        nn.Linear(hidden, hidden), nn.Tanh(),
        nn.Linear(hidden, n_out),
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--task", default="summer_with_signals_change")
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--momentum", type=float, default=0.9)
    parser.add_argument("--weight_decay", type=float, default=50.0)  # expect: WD301
    parser.add_argument("--n_samples", type=int, default=20000)
    args = parser.parse_args()

    task = get_task(args.task)
    net = build_net(task.n_inputs, task.n_outputs)
    optimizer = torch.optim.SGD(
        net.parameters(),  # expect: WD203
        lr=args.lr,
        momentum=args.momentum,
        weight_decay=args.weight_decay,
    )
    for sample_id in range(args.n_samples):
        x, target = next(task)
        optimizer.zero_grad()
        loss = F.mse_loss(net(x), target)
        loss.backward()
        optimizer.step()
        if sample_id % 1000 == 0:
            print(sample_id, loss.item())


if __name__ == "__main__":
    main()
