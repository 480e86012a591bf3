# Idiom seen in: HKUDS/LightGCL model.py
# Idiom seen in: HKUDS/LightGCL main.py
# What it reproduces: the later LightGCL wiring: the model adds loss_reg = lambda_2 * sum of squared
#   norms of its parameters to the total it returns, and Adam is built with weight_decay=0, so the
#   L2 is applied exactly once. Clean.
import argparse

import numpy as np
import torch
import torch.nn as nn

from utils import load_interactions


class MFContrastive(nn.Module):
    def __init__(self, n_u, n_i, d, lambda_1, lambda_2, temp):
        super().__init__()
        self.E_u_0 = nn.Parameter(nn.init.xavier_uniform_(torch.empty(n_u, d)))
        self.E_i_0 = nn.Parameter(nn.init.xavier_uniform_(torch.empty(n_i, d)))
        self.lambda_1 = lambda_1
        self.lambda_2 = lambda_2
        self.temp = temp

    def forward(self, uids, pos, neg):
        u = self.E_u_0[uids]
        pos_scores = (u * self.E_i_0[pos]).sum(-1)
        neg_scores = (u * self.E_i_0[neg]).sum(-1)
        loss_r = -(pos_scores - neg_scores).sigmoid().log().mean()
        z = nn.functional.normalize(u, dim=1)
        loss_s = -torch.log_softmax(z @ z.T / self.temp, dim=1).diag().mean()

        loss_reg = 0
        for param in self.parameters():
            loss_reg += param.norm(2).square()
        loss_reg *= self.lambda_2

        loss = loss_r + self.lambda_1 * loss_s + loss_reg
        return loss, loss_r, self.lambda_1 * loss_s


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--lr', default=1e-3, type=float)
    parser.add_argument('--lambda1', default=0.2, type=float)
    parser.add_argument('--lambda2', default=1e-7, type=float)
    parser.add_argument('--epoch', default=100, type=int)
    parser.add_argument('--batch', default=256, type=int)
    args = parser.parse_args()

    n_u, n_i, train_csr = load_interactions('data/yelp/')
    model = MFContrastive(n_u, n_i, 64, args.lambda1, args.lambda2, temp=0.2)
    optimizer = torch.optim.Adam(model.parameters(), weight_decay=0, lr=args.lr)
    for epoch in range(args.epoch):
        users = np.random.permutation(n_u)
        for start in range(0, n_u, args.batch):
            uids = torch.LongTensor(users[start:start + args.batch])
            pos = torch.LongTensor([np.random.choice(train_csr[u].indices) for u in uids.numpy()])
            neg = torch.randint(0, n_i, pos.shape)
            optimizer.zero_grad()
            loss, loss_r, loss_s = model(uids, pos, neg)
            loss.backward()
            optimizer.step()
        print('epoch', epoch, 'loss', loss.item())
