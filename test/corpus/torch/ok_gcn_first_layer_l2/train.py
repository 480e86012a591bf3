# Idiom seen in: dragen1860/GCN-PyTorch train.py
# Idiom seen in: dragen1860/GCN-PyTorch model.py
# What it reproduces: Kipf GCN port: weight decay as args.weight_decay * net.l2_loss() (squares of the
# first layer only) added to the trained loss, Adam without weight_decay: one decay, positive: clean.
import argparse
import torch
from torch import optim

from model import GCN
from data import load_data, preprocess_features, preprocess_adj
from utils import masked_loss, masked_acc

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', default='cora')
parser.add_argument('--learning_rate', type=float, default=0.01)
parser.add_argument('--epochs', type=int, default=200)
parser.add_argument('--hidden', type=int, default=16)
parser.add_argument('--dropout', type=float, default=0.5)
parser.add_argument('--weight_decay', type=float, default=5e-4)
args = parser.parse_args()

adj, features, y_train, y_val, y_test, train_mask, val_mask, test_mask = load_data(args.dataset)
feature = preprocess_features(features)
support = preprocess_adj(adj)
train_label = torch.from_numpy(y_train).long().argmax(dim=1)
train_mask = torch.from_numpy(train_mask.astype(int))

net = GCN(feature.shape[1], y_train.shape[1], hidden=args.hidden, dropout=args.dropout)
optimizer = optim.Adam(net.parameters(), lr=args.learning_rate)

net.train()
for epoch in range(args.epochs):
    out = net(feature, support)
    loss = masked_loss(out, train_label, train_mask)
    loss += args.weight_decay * net.l2_loss()
    acc = masked_acc(out, train_label, train_mask)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if epoch % 10 == 0:
        print(epoch, loss.item(), acc.item())
