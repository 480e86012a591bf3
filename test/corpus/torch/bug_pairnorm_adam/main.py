# Idiom seen in: LingxiaoShawn/PairNorm main.py
# What it reproduces: the Kipf-style setup torch.optim.Adam(net.parameters(), args.lr, weight_decay=args.wd)
#   with --wd 5e-4 "L2 loss on parameters": coupled L2 under Adam, applied to the GraphConv biases too.
import argparse
import logging

import torch
import torch.nn.functional as F

import models
from data import load_data

parser = argparse.ArgumentParser()
parser.add_argument('--data', type=str, default='cora')
parser.add_argument('--model', type=str, default='GCN')
parser.add_argument('--hid', type=int, default=64)
parser.add_argument('--lr', type=float, default=0.005)
parser.add_argument('--dropout', type=float, default=0.6)
parser.add_argument('--epochs', type=int, default=1500)
parser.add_argument('--wd', type=float, default=5e-4, help='Weight decay (L2 loss on parameters).')
parser.add_argument('--norm_mode', type=str, default='None')
parser.add_argument('--norm_scale', type=float, default=1.0)
args = parser.parse_args()

logging.basicConfig(format='%(message)s', level=logging.INFO)

data = load_data(args.data, normalize_feature=True, cuda=True)
nfeat = data.x.size(1)
nclass = int(data.y.max()) + 1
net = getattr(models, args.model)(nfeat, args.hid, nclass,
                                  dropout=args.dropout,
                                  norm_mode=args.norm_mode,
                                  norm_scale=args.norm_scale)
net = net.cuda()
optimizer = torch.optim.Adam(net.parameters(), args.lr, weight_decay=args.wd)  # expect: WD202, WD203
criterion = torch.nn.CrossEntropyLoss()


def train(net, optimizer, criterion, data):
    net.train()
    optimizer.zero_grad()
    output = net(data.x, data.adj)
    loss = criterion(output[data.train_mask], data.y[data.train_mask])
    loss.backward()
    optimizer.step()
    acc = (output[data.train_mask].argmax(1) == data.y[data.train_mask]).float().mean()
    return loss.item(), acc.item()


best_acc = 0
for epoch in range(args.epochs):
    train_loss, train_acc = train(net, optimizer, criterion, data)
    logging.debug('Epoch %d: train loss %.3f train acc: %.3f' % (epoch, train_loss, train_acc))
    if best_acc < train_acc:
        best_acc = train_acc
        torch.save(net.state_dict(), 'checkpoint-best-acc.pkl')
