# Idiom seen in: Tiiiger/SGC citation.py
# What it reproduces: SGC (precomputed S^K X, then one nn.Linear) trained with Adam(model.parameters(),
# weight_decay=args.weight_decay) as the repo does; the user mistake added on top is a Kipf-GCN style hand-written
# L2 on the weights, so the same W is decayed twice (and coupled under Adam, biases included).
import argparse
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

from utils import load_citation, sgc_precompute, set_seed
from metrics import accuracy

parser = argparse.ArgumentParser()
parser.add_argument('--seed', type=int, default=42)
parser.add_argument('--epochs', type=int, default=100)
parser.add_argument('--lr', type=float, default=0.2)
parser.add_argument('--weight_decay', type=float, default=5e-6)
parser.add_argument('--l2', type=float, default=5e-4, help='extra L2 on W, as in the GCN paper')
parser.add_argument('--dataset', type=str, default='cora')
parser.add_argument('--degree', type=int, default=2)
args = parser.parse_args()
set_seed(args.seed)


class SGC(nn.Module):
    def __init__(self, nfeat, nclass):
        super(SGC, self).__init__()
        self.W = nn.Linear(nfeat, nclass)

    def forward(self, x):
        return self.W(x)


adj, features, labels, idx_train, idx_val, idx_test = load_citation(args.dataset, 'AugNormAdj')
model = SGC(features.size(1), labels.max().item() + 1)
features, precompute_time = sgc_precompute(features, adj, args.degree)


def train_regression(model, train_features, train_labels, val_features, val_labels,
                     epochs=args.epochs, weight_decay=args.weight_decay, lr=args.lr):
    optimizer = optim.Adam(model.parameters(), lr=lr,  # expect: WD203
                           weight_decay=weight_decay)  # expect: WD202
    t = time.perf_counter()
    for epoch in range(epochs):
        model.train()
        optimizer.zero_grad()
        output = model(train_features)
        loss_train = F.cross_entropy(output, train_labels)
        l2_reg = sum(p.pow(2).sum() for p in model.W.parameters())  # expect: WD201
        loss_train = loss_train + args.l2 * l2_reg
        loss_train.backward()
        optimizer.step()
    train_time = time.perf_counter() - t
    with torch.no_grad():
        model.eval()
        acc_val = accuracy(model(val_features), val_labels)
    return model, acc_val, train_time


model, acc_val, train_time = train_regression(model, features[idx_train], labels[idx_train],
                                              features[idx_val], labels[idx_val])
print("Validation Accuracy: {:.4f} Train time: {:.4f}s".format(acc_val, precompute_time + train_time))
