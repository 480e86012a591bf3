# Idiom seen in: nirbhayjm/GenEML src/run_delicious.sh
# What it reproduces: MAP factorization for extreme multi-label data with lam_v / lam_w Gaussian
#   priors written as positive L2 penalties added to the NLL that is minimized; the optimizer
#   has no weight_decay of its own. Clean.
import argparse

import torch
import torch.nn as nn
import torch.nn.functional as F

from data_utils import load_mat_dataset, minibatches

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', type=str, default='../data/delicious_new.mat')
parser.add_argument('-bs', type=int, default=1024)
parser.add_argument('-n_components', type=int, default=100)
parser.add_argument('-lam_v', type=float, default=1e-2)
parser.add_argument('-lam_w', type=float, default=1e-4)
parser.add_argument('-lr', type=float, default=0.1)
parser.add_argument('-epochs', type=int, default=30)
args = parser.parse_args()


class GenEML(nn.Module):
    def __init__(self, n_feat, n_labels, k):
        super().__init__()
        self.W = nn.Parameter(torch.randn(n_feat, k) * 0.01)
        self.V = nn.Parameter(torch.randn(n_labels, k) * 0.01)

    def forward(self, x):
        return (x @ self.W) @ self.V.t()


X, Y = load_mat_dataset(args.dataset)
model = GenEML(X.shape[1], Y.shape[1], args.n_components)
optimizer = torch.optim.Adagrad(model.parameters(), lr=args.lr)
n_batches = max(1, X.shape[0] // args.bs)

for epoch in range(args.epochs):
    for xb, yb in minibatches(X, Y, args.bs, shuffle=True):
        nll = F.binary_cross_entropy_with_logits(model(xb), yb, reduction='sum')
        neg_log_prior = (args.lam_v * (model.V ** 2).sum() + args.lam_w * (model.W ** 2).sum()) / n_batches
        loss = nll + neg_log_prior
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print('epoch {} loss {:.2f}'.format(epoch, loss.item()))
