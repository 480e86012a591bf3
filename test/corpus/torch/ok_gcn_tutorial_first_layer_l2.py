# Idiom seen in: bmsookim/graph-tutorial.pytorch 3_Spectral_Graph_Convolution/train.py
# What it reproduces: the GCN tutorial trainer written the way the original GCN paper regularizes: Adam with no
# weight_decay, and an explicit 5e-4 * l2_loss on the first layer's weight matrix only, added to the trained loss. Clean.
import argparse

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

from utils import load_data, accuracy
from layers import GraphConvolution

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', default='cora')
parser.add_argument('--num_hidden', type=int, default=16)
parser.add_argument('--dropout', type=float, default=0.5)
parser.add_argument('--weight_decay', type=float, default=5e-4)
parser.add_argument('--lr', type=float, default=0.01)
parser.add_argument('--epoch', type=int, default=200)
opt = parser.parse_args()


class GCN(nn.Module):
    def __init__(self, nfeat, nhid, nclass, dropout):
        super(GCN, self).__init__()
        self.gc1 = GraphConvolution(nfeat, nhid)
        self.gc2 = GraphConvolution(nhid, nclass)
        self.dropout = dropout

    def forward(self, x, adj):
        x = F.dropout(x, self.dropout, training=self.training)
        x = F.relu(self.gc1(x, adj))
        x = F.dropout(x, self.dropout, training=self.training)
        return F.log_softmax(self.gc2(x, adj), dim=1)


adj, features, labels, idx_train, idx_val, idx_test = load_data(path=opt.dataset)
model = GCN(features.shape[1], opt.num_hidden, int(labels.max()) + 1, opt.dropout)
optimizer = optim.Adam(model.parameters(), lr=opt.lr)

for epoch in range(opt.epoch):
    model.train()
    optimizer.zero_grad()
    output = model(features, adj)
    loss_train = F.nll_loss(output[idx_train], labels[idx_train])
    loss_train = loss_train + opt.weight_decay * model.gc1.weight.pow(2).sum() / 2
    loss_train.backward()
    optimizer.step()
    acc_val = accuracy(output[idx_val], labels[idx_val])
    print('epoch {:03d} loss {:.4f} val acc {:.4f}'.format(epoch, loss_train.item(), acc_val.item()))
