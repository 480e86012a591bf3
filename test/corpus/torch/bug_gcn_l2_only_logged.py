# Idiom seen in: dragen1860/GCN-PyTorch train.py
# Idiom seen in: dragen1860/GCN-PyTorch model.py
# What it reproduces: Kipf GCN port whose first-layer L2 term (args.weight_decay * net.l2_loss()) is
# computed and printed but never added to the loss that is backpropagated; Adam has no decay: WD104.
import argparse
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim

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


class GraphConvolution(nn.Module):
    def __init__(self, input_dim, output_dim, dropout=0., activation=F.relu):
        super(GraphConvolution, self).__init__()
        self.dropout = dropout
        self.activation = activation
        self.weight = nn.Parameter(torch.randn(input_dim, output_dim) * 0.1)

    def forward(self, x, support):
        x = F.dropout(x, self.dropout, self.training)
        out = torch.sparse.mm(support, torch.mm(x, self.weight))
        return self.activation(out) if self.activation is not None else out


class GCN(nn.Module):
    def __init__(self, input_dim, output_dim):
        super(GCN, self).__init__()
        self.layers = nn.Sequential(
            GraphConvolution(input_dim, args.hidden, dropout=args.dropout),
            GraphConvolution(args.hidden, output_dim, dropout=args.dropout, activation=None))

    def forward(self, x, support):
        for layer in self.layers:
            x = layer(x, support)
        return x

    def l2_loss(self):
        layer = self.layers.children()
        layer = next(iter(layer))
        loss = None
        for p in layer.parameters():
            if loss is None:
                loss = p.pow(2).sum()
            else:
                loss += p.pow(2).sum()
        return loss


adj, features, y_train, y_val, y_test, train_mask, val_mask, test_mask = load_data(args.dataset)
feature = preprocess_features(features)
support = preprocess_adj(adj)
train_label = torch.from_numpy(y_train).long().argmax(dim=1)
train_mask = torch.from_numpy(train_mask.astype(int))

net = GCN(feature.shape[1], y_train.shape[1])
optimizer = optim.Adam(net.parameters(), lr=args.learning_rate)

net.train()
for epoch in range(args.epochs):
    out = net(feature, support)
    loss = masked_loss(out, train_label, train_mask)
    l2 = args.weight_decay * net.l2_loss()  # expect: WD104
    acc = masked_acc(out, train_label, train_mask)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if epoch % 10 == 0:
        print(epoch, 'loss', loss.item(), 'l2', l2.item(), 'acc', acc.item())
