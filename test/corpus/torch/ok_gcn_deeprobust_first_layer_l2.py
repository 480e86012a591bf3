# Idiom seen in: DSE-MSU/DeepRobust deeprobust/graph/defense/gcn.py
# What it reproduces: the same fit()-style GCN class, but with the original GCN recipe written out:
#   L2 on the first layer's weight only, added to the training loss by hand, and Adam without
#   weight_decay, so the second layer and the biases are not decayed and nothing is decayed twice. Clean.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.nn.parameter import Parameter

from deeprobust.graph.data import Dataset
from deeprobust.graph.utils import preprocess


class GraphConvolution(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.weight = Parameter(torch.empty(in_features, out_features))
        self.bias = Parameter(torch.zeros(out_features))
        stdv = 1. / math.sqrt(out_features)
        self.weight.data.uniform_(-stdv, stdv)

    def forward(self, x, adj):
        return torch.spmm(adj, torch.mm(x, self.weight)) + self.bias


class GCN(nn.Module):
    def __init__(self, nfeat, nhid, nclass, dropout=0.5, lr=0.01, weight_decay=5e-4):
        super().__init__()
        self.gc1 = GraphConvolution(nfeat, nhid)
        self.gc2 = GraphConvolution(nhid, nclass)
        self.dropout = dropout
        self.lr = lr
        self.weight_decay = weight_decay

    def forward(self, x, adj):
        x = F.dropout(F.relu(self.gc1(x, adj)), self.dropout, training=self.training)
        return F.log_softmax(self.gc2(x, adj), dim=1)

    def fit(self, features, adj, labels, idx_train, train_iters=200):
        optimizer = optim.Adam(self.parameters(), lr=self.lr)
        for i in range(train_iters):
            self.train()
            optimizer.zero_grad()
            output = self.forward(features, adj)
            loss = F.nll_loss(output[idx_train], labels[idx_train])
            loss = loss + self.weight_decay * 0.5 * self.gc1.weight.pow(2).sum()
            loss.backward()
            optimizer.step()
        return self


if __name__ == '__main__':
    data = Dataset(root='/tmp/', name='cora', setting='gcn')
    adj, features, labels = preprocess(data.adj, data.features, data.labels, preprocess_adj=True, sparse=True)
    model = GCN(nfeat=features.shape[1], nhid=16, nclass=int(labels.max()) + 1)
    model.fit(features, adj, labels, data.idx_train)
