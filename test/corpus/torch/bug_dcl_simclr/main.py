# Idiom seen in: chingyaoc/DCL main.py
# What it reproduces: the repo's own optimizer, optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-6)
#   on a DataParallel SimCLR model: coupled L2 under Adam, applied to BatchNorm and biases as well.
import argparse
import os

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader
from tqdm import tqdm

import utils
from model import Model


def get_negative_mask(batch_size):
    negative_mask = torch.ones((batch_size, 2 * batch_size), dtype=bool)
    for i in range(batch_size):
        negative_mask[i, i] = 0
        negative_mask[i, i + batch_size] = 0
    return torch.cat((negative_mask, negative_mask), 0)


def train(net, data_loader, train_optimizer, temperature, debiased, tau_plus, batch_size):
    net.train()
    total_loss, total_num = 0.0, 0
    for pos_1, pos_2, target in tqdm(data_loader):
        pos_1, pos_2 = pos_1.cuda(non_blocking=True), pos_2.cuda(non_blocking=True)
        _, out_1 = net(pos_1)
        _, out_2 = net(pos_2)
        out = torch.cat([out_1, out_2], dim=0)
        neg = torch.exp(torch.mm(out, out.t().contiguous()) / temperature)
        mask = get_negative_mask(batch_size).cuda()
        neg = neg.masked_select(mask).view(2 * batch_size, -1)
        pos = torch.exp(torch.sum(out_1 * out_2, dim=-1) / temperature)
        pos = torch.cat([pos, pos], dim=0)
        if debiased:
            N = batch_size * 2 - 2
            Ng = (-tau_plus * N * pos + neg.sum(dim=-1)) / (1 - tau_plus)
            Ng = torch.clamp(Ng, min=N * np.e ** (-1 / temperature))
        else:
            Ng = neg.sum(dim=-1)
        loss = (-torch.log(pos / (pos + Ng))).mean()
        train_optimizer.zero_grad()
        loss.backward()
        train_optimizer.step()
        total_num += batch_size
        total_loss += loss.item() * batch_size
    return total_loss / total_num


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='Train SimCLR')
    parser.add_argument('--feature_dim', default=128, type=int)
    parser.add_argument('--temperature', default=0.5, type=float)
    parser.add_argument('--tau_plus', default=0.1, type=float)
    parser.add_argument('--batch_size', default=256, type=int)
    parser.add_argument('--epochs', default=500, type=int)
    parser.add_argument('--debiased', default=True, type=bool)
    args = parser.parse_args()

    train_data = utils.STL10Pair(root='data', split='train+unlabeled', transform=utils.train_transform)
    train_loader = DataLoader(train_data, batch_size=args.batch_size, shuffle=True, num_workers=12,
                              pin_memory=True, drop_last=True)

    model = Model(args.feature_dim).cuda()
    model = nn.DataParallel(model)
    optimizer = optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-6)  # expect: WD202, WD203

    os.makedirs('results', exist_ok=True)
    for epoch in range(1, args.epochs + 1):
        train_loss = train(model, train_loader, optimizer, args.temperature, args.debiased, args.tau_plus,
                           args.batch_size)
        if epoch % 25 == 0:
            torch.save(model.state_dict(), 'results/model_{}.pth'.format(epoch))
