# Idiom seen in: tum-pbs/PhiFlow phi/torch/nets.py
# What it reproduces: a DenseNet built like PhiFlow dense_net (add_module linear{i}/norm{i}, optional
#   BatchNorm1d) trained with torch AdamW whose parameter groups leave 1-D params (biases, BN) undecayed;
#   the data loss is an L2 of the residual, not a weight penalty. Clean.
import argparse

import numpy as np
import torch

from nets import dense_net, adamw


def update_weights(net, optimizer, loss_function, *loss_args):
    optimizer.zero_grad()
    loss = loss_function(*loss_args)
    loss.backward()
    optimizer.step()
    return loss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--lr', type=float, default=1e-3)
    ap.add_argument('--weight-decay', type=float, default=1e-2)
    ap.add_argument('--steps', type=int, default=3000)
    args = ap.parse_args()

    net = dense_net(2, 1, [64, 64, 64], batch_norm=True)
    optimizer = adamw(net, args.lr, args.weight_decay)

    def loss_function(x, y):
        return torch.mean((net(x) - y) ** 2)

    for step in range(args.steps):
        x_np = np.random.uniform(-np.pi, np.pi, (128, 2)).astype(np.float32)
        y_np = (np.sin(x_np[:, :1]) * np.cos(x_np[:, 1:])).astype(np.float32)
        loss = update_weights(net, optimizer, loss_function, torch.from_numpy(x_np), torch.from_numpy(y_np))
        if step % 200 == 0:
            print(step, loss.item())


if __name__ == '__main__':
    main()
