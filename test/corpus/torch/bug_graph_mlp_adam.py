# Idiom seen in: yanghu819/Graph-MLP train.py
# Idiom seen in: yanghu819/Graph-MLP models.py
# What it reproduces: Graph-MLP (MLP + LayerNorm + neighbour-contrast loss) trained with
#   Adam(model.parameters(), weight_decay=args.weight_decay): coupled L2 under Adam, and the LayerNorm and bias
#   parameters are decayed with the weights (the repo's own code).
from __future__ import division
from __future__ import print_function
import argparse
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.nn import Dropout, Linear, LayerNorm

from utils import load_citation, accuracy, get_A_r

parser = argparse.ArgumentParser()
parser.add_argument('--no-cuda', action='store_true', default=False)
parser.add_argument('--epochs', type=int, default=400)
parser.add_argument('--lr', type=float, default=0.001, help='learning rate.')
parser.add_argument('--weight_decay', type=float, default=5e-3, help='Weight decay (L2 loss on parameters).')
parser.add_argument('--hidden', type=int, default=256)
parser.add_argument('--dropout', type=float, default=0.6)
parser.add_argument('--data', type=str, default='cora')
parser.add_argument('--alpha', type=float, default=10.0, help='To control the ratio of Ncontrast loss')
parser.add_argument('--batch_size', type=int, default=2000)
parser.add_argument('--order', type=int, default=2)
parser.add_argument('--tau', type=float, default=2.0)
args = parser.parse_args()


class Mlp(nn.Module):
    def __init__(self, input_dim, hid_dim, dropout):
        super(Mlp, self).__init__()
        self.fc1 = Linear(input_dim, hid_dim)
        self.fc2 = Linear(hid_dim, hid_dim)
        self.act_fn = torch.nn.functional.gelu
        self.dropout = Dropout(dropout)
        self.layernorm = LayerNorm(hid_dim, eps=1e-6)

    def forward(self, x):
        x = self.layernorm(self.act_fn(self.fc1(x)))
        return self.fc2(self.dropout(x))


def get_feature_dis(x):
    x_dis = x @ x.T
    mask = torch.eye(x_dis.shape[0], device=x.device)
    x_sum = torch.sqrt(torch.sum(x ** 2, 1).reshape(-1, 1))
    x_dis = x_dis * ((x_sum @ x_sum.T) ** (-1))
    return (1 - mask) * x_dis


class GMLP(nn.Module):
    def __init__(self, nfeat, nhid, nclass, dropout):
        super(GMLP, self).__init__()
        self.mlp = Mlp(nfeat, nhid, dropout)
        self.classifier = Linear(nhid, nclass)

    def forward(self, x):
        z = self.mlp(x)
        logits = F.log_softmax(self.classifier(z), dim=1)
        if self.training:
            return logits, get_feature_dis(z)
        return logits


adj, features, labels, idx_train, idx_val, idx_test = load_citation(args.data, 'AugNormAdj', True)
adj_label = get_A_r(adj, args.order)

model = GMLP(nfeat=features.shape[1], nhid=args.hidden, nclass=labels.max().item() + 1, dropout=args.dropout)
optimizer = optim.Adam(model.parameters(),  # expect: WD203
                       lr=args.lr, weight_decay=args.weight_decay)  # expect: WD202


def Ncontrast(x_dis, adj_label, tau=1):
    x_dis = torch.exp(tau * x_dis)
    x_dis_sum = torch.sum(x_dis, 1)
    x_dis_sum_pos = torch.sum(x_dis * adj_label, 1)
    return -torch.log(x_dis_sum_pos * (x_dis_sum ** (-1))).mean()


def get_batch(batch_size):
    rand_indx = torch.tensor(np.random.choice(np.arange(adj_label.shape[0]), batch_size))
    rand_indx[0:len(idx_train)] = idx_train
    return features[rand_indx], adj_label[rand_indx, :][:, rand_indx]


def train():
    features_batch, adj_label_batch = get_batch(batch_size=args.batch_size)
    model.train()
    optimizer.zero_grad()
    output, x_dis = model(features_batch)
    loss_train_class = F.nll_loss(output[idx_train], labels[idx_train])
    loss_ncontrast = Ncontrast(x_dis, adj_label_batch, tau=args.tau)
    loss_train = loss_train_class + loss_ncontrast * args.alpha
    loss_train.backward()
    optimizer.step()


def test():
    model.eval()
    output = model(features)
    return accuracy(output[idx_test], labels[idx_test]), accuracy(output[idx_val], labels[idx_val])


best_val_acc, test_acc = 0, 0
for epoch in range(args.epochs):
    train()
    tmp_test_acc, val_acc = test()
    if val_acc > best_val_acc:
        best_val_acc, test_acc = val_acc, tmp_test_acc
print(args.data, args.lr, args.weight_decay, float(test_acc))
