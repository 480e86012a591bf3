# Idiom seen in: yul091/ANS mf/model.py
# Idiom seen in: yul091/ANS main.py
# What it reproduces: the real double decay of ANS MF._explicit: the optimizer class picked from --optim
# (default Adagrad here, as the repo run scripts pass) gets weight_decay=args.l2 AND the same args.l2
# is added to the loss as l2 * sum(p_u**2) + l2 * sum(q_i**2) on the looked-up embeddings.
import argparse

import pandas as pd
import torch
import torch.nn as nn
import torch.optim as optim

from mf.dataset import Dataset, FastDataset
from mf.model import MF
from mf.utils import DataSpliter


def parse_args():
    parser = argparse.ArgumentParser(description="Run MF (explicit).")
    parser.add_argument("--data", type=str, default="ml-1m")
    parser.add_argument("--hidden_dim", type=int, default=16)
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--batch_size", type=int, default=256)
    parser.add_argument("--sampling", type=int, default=3)
    parser.add_argument("--l2", type=float, default=0.05, help="L2 regularization for embedding")
    parser.add_argument("--optim", type=str, default="Adagrad", help="SGD, Adagrad or Adam")
    parser.add_argument("--device", type=str, default="cuda")
    return parser.parse_args()


def main():
    args = parse_args()
    data = pd.read_csv("data/%s.txt" % args.data, header=None, sep="\t")
    args.num_users = data[0].max()
    args.num_items = data[1].max()
    args.loss = nn.MSELoss()

    if args.optim == "SGD":
        args.optim = optim.SGD
    elif args.optim == "Adam":
        args.optim = optim.Adam
    elif args.optim == "Adagrad":
        args.optim = optim.Adagrad

    train, test = DataSpliter.leave_k_out_split(data)
    model = MF(args)
    if args.device == "cuda" and torch.cuda.is_available():
        model.cuda()
    model.fit(train=Dataset(train), valid=FastDataset(test), args=args)


if __name__ == "__main__":
    main()
