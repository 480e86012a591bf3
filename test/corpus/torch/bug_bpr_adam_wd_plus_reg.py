# Idiom seen in: sh0416/bpr train.py
# What it reproduces: BPR-MF whose forward already adds weight_decay * (||u||^2 + ||i||^2 + ||j||^2) on the rows of
#   the W/H parameter tables. User mistake on top of the repo: the same args.weight_decay was also passed to Adam,
#   so the tables are decayed twice (WD201), and Adam's copy is coupled L2 (WD202). W/H are plain tables: no biases.
import argparse
import os
import pickle

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader, Dataset


class TripletUniformPair(Dataset):
    def __init__(self, num_item, user_list, pair):
        self.num_item = num_item
        self.user_list = user_list
        self.pair = pair

    def __getitem__(self, idx):
        u, i = self.pair[idx][0], self.pair[idx][1]
        j = np.random.randint(self.num_item)
        while j in self.user_list[u]:
            j = np.random.randint(self.num_item)
        return u, i, j

    def __len__(self):
        return len(self.pair)


class BPR(nn.Module):
    def __init__(self, user_size, item_size, dim, weight_decay):
        super().__init__()
        self.W = nn.Parameter(torch.empty(user_size, dim))
        self.H = nn.Parameter(torch.empty(item_size, dim))
        nn.init.xavier_normal_(self.W.data)
        nn.init.xavier_normal_(self.H.data)
        self.weight_decay = weight_decay

    def forward(self, u, i, j):
        u = self.W[u, :]
        i = self.H[i, :]
        j = self.H[j, :]
        x_uij = torch.mul(u, i).sum(dim=1) - torch.mul(u, j).sum(dim=1)
        log_prob = F.logsigmoid(x_uij).sum()
        regularization = self.weight_decay * (u.norm(dim=1).pow(2).sum() + i.norm(dim=1).pow(2).sum() + j.norm(dim=1).pow(2).sum())  # expect: WD201
        return -log_prob + regularization


def main(args):
    with open(args.data, 'rb') as f:
        dataset = pickle.load(f)
    user_size, item_size = dataset['user_size'], dataset['item_size']
    loader = DataLoader(TripletUniformPair(item_size, dataset['train_user_list'], dataset['train_pair']),
                        batch_size=args.batch_size, shuffle=True, num_workers=16)
    model = BPR(user_size, item_size, args.dim, args.weight_decay).cuda()
    optimizer = optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)  # expect: WD202

    smooth_loss, idx = 0, 0
    for _ in range(args.n_epochs):
        for u, i, j in loader:
            optimizer.zero_grad()
            loss = model(u, i, j)
            loss.backward()
            optimizer.step()
            smooth_loss = smooth_loss * 0.99 + loss.item() * 0.01
            if idx % args.print_every == (args.print_every - 1):
                print('loss: %.4f' % smooth_loss)
            idx += 1
    os.makedirs(os.path.dirname(os.path.abspath(args.model)), exist_ok=True)
    torch.save(model.state_dict(), args.model)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--data', type=str, default=os.path.join('preprocessed', 'ml-1m.pickle'))
    parser.add_argument('--dim', type=int, default=4)
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--weight_decay', type=float, default=0.025, help="Weight decay factor")
    parser.add_argument('--n_epochs', type=int, default=1000)
    parser.add_argument('--batch_size', type=int, default=4096)
    parser.add_argument('--print_every', type=int, default=20)
    parser.add_argument('--model', type=str, default=os.path.join('output', 'bpr.pt'))
    main(parser.parse_args())
