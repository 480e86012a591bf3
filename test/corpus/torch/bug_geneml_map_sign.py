# Idiom seen in: nirbhayjm/GenEML src/run_delicious.sh
# What it reproduces: realistic sign slip in a MAP matrix factorization for multi-label learning
#   (lam_u, lam_v, lam_w Gaussian priors): the log-prior is subtracted from the negative
#   log-likelihood instead of added, so the L2 terms reward growing U, V and W.
import argparse

import torch
import torch.nn as nn
import torch.nn.functional as F

from data_utils import load_mat_dataset, minibatches

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', type=str, default='../data/delicious_new.mat')
parser.add_argument('-bs', type=int, default=1024)
parser.add_argument('-n_components', type=int, default=100)
parser.add_argument('-lam_u', type=float, default=1e-2)
parser.add_argument('-lam_v', type=float, default=1e-2)
parser.add_argument('-lam_w', type=float, default=1e-4)
parser.add_argument('-lr', type=float, default=0.1)
parser.add_argument('-epochs', type=int, default=30)
args = parser.parse_args()


class GenEML(nn.Module):
    def __init__(self, n_feat, n_labels, k):
        super().__init__()
        self.W = nn.Parameter(torch.randn(n_feat, k) * 0.01)   # feature -> user factor
        self.V = nn.Parameter(torch.randn(n_labels, k) * 0.01)  # label factors

    def forward(self, x):
        U = x @ self.W
        return U @ self.V.t(), U


X, Y = load_mat_dataset(args.dataset)
model = GenEML(X.shape[1], Y.shape[1], args.n_components)
optimizer = torch.optim.Adagrad(model.parameters(), lr=args.lr)

for epoch in range(args.epochs):
    for xb, yb in minibatches(X, Y, args.bs, shuffle=True):
        logits, U = model(xb)
        nll = F.binary_cross_entropy_with_logits(logits, yb, reduction='sum')
        log_prior = args.lam_v * (model.V ** 2).sum() + args.lam_w * (model.W ** 2).sum()
        loss = nll - log_prior  # expect: WD302
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print('epoch {} nll {:.2f}'.format(epoch, nll.item()))
