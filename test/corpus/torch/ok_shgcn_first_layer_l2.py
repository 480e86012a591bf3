# Idiom seen in: AIG22/SHGCN train.py
# Idiom seen in: AIG22/SHGCN model.py
# What it reproduces: the SHGCN node-classification runner (random splits, early stopping on val loss),
#   written with the decay wired as in Kipf & Welling's original GCN: an explicit
#   weight_decay/2 * ||W||^2 on the first graph-convolution layer's filter matrices is added to the NLL that
#   is backpropagated, and Adam itself gets no weight_decay. One decay mechanism, on weights only. Clean.
import argparse
import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.parameter import Parameter

from dataset_loader import DataLoader
from utils import random_planetoid_splits, get_adj2, set_seed


class GraphConvolution(nn.Module):
    def __init__(self, in_features, out_features):
        super(GraphConvolution, self).__init__()
        self.weight_A = Parameter(torch.FloatTensor(in_features, out_features))
        self.weight_A2 = Parameter(torch.FloatTensor(in_features, out_features))
        self.weight_mlp = Parameter(torch.FloatTensor(in_features, out_features))
        self.att_vec = Parameter(torch.FloatTensor(3, 3))
        stdv = 1. / math.sqrt(out_features)
        for w in (self.weight_A, self.weight_A2, self.weight_mlp):
            w.data.uniform_(-stdv, stdv)
        self.att_vec.data.uniform_(-1. / math.sqrt(3), 1. / math.sqrt(3))

    def forward(self, inputx, adj_A, adj_A2):
        output_A = F.relu(torch.spmm(adj_A, torch.mm(inputx, self.weight_A)))
        output_A2 = F.relu(torch.spmm(adj_A2, torch.mm(inputx, self.weight_A2)))
        output_mlp = F.relu(torch.mm(inputx, self.weight_mlp))
        scores = torch.stack([o.mean(dim=1) for o in (output_A, output_A2, output_mlp)], dim=1)
        att = torch.softmax(torch.mm(torch.sigmoid(scores), self.att_vec) / 3, 1)
        return 3 * (att[:, 0:1] * output_A + att[:, 1:2] * output_A2 + att[:, 2:3] * output_mlp)


class SHGCN(nn.Module):
    def __init__(self, num_features, num_classes, args):
        super(SHGCN, self).__init__()
        self.dropout = args.dropout
        self.gcns = nn.ModuleList([GraphConvolution(num_features, args.hidden),
                                   GraphConvolution(args.hidden, num_classes)])

    def forward(self, x, adj_A, adj_A2):
        x = F.dropout(x, self.dropout, training=self.training)
        fea = F.dropout(F.relu(self.gcns[0](x, adj_A, adj_A2)), self.dropout, training=self.training)
        return F.log_softmax(self.gcns[-1](fea, adj_A, adj_A2), dim=1)

    def first_layer_l2(self):
        layer = self.gcns[0]
        return sum(w.pow(2).sum() for w in (layer.weight_A, layer.weight_A2, layer.weight_mlp)) / 2


def run_exp(args, dataset, data, percls_trn, val_lb, seed):
    data = random_planetoid_splits(data, dataset.num_classes, percls_trn, val_lb, seed)
    hat_A, hat_A2 = get_adj2(data)
    model = SHGCN(dataset.num_features, dataset.num_classes, args)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)

    best_val_loss, test_acc, val_loss_history = float('inf'), 0, []
    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad()
        out = model(data.x, hat_A, hat_A2)
        nll = F.nll_loss(out[data.train_mask], data.y[data.train_mask])
        loss = nll + args.weight_decay * model.first_layer_l2()
        loss.backward()
        optimizer.step()

        model.eval()
        with torch.no_grad():
            logits = model(data.x, hat_A, hat_A2)
        val_loss = F.nll_loss(logits[data.val_mask], data.y[data.val_mask]).item()
        pred = logits[data.test_mask].max(1)[1]
        if val_loss < best_val_loss:
            best_val_loss = val_loss
            test_acc = pred.eq(data.y[data.test_mask]).sum().item() / data.test_mask.sum().item()
        val_loss_history.append(val_loss)
        if args.early_stopping > 0 and epoch > args.early_stopping:
            if val_loss > np.mean(val_loss_history[-(args.early_stopping + 1):-1]):
                break
    return test_acc


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--epochs', type=int, default=1000)
    parser.add_argument('--lr', type=float, default=0.07)
    parser.add_argument('--weight_decay', type=float, default=0.0005)
    parser.add_argument('--early_stopping', type=int, default=200)
    parser.add_argument('--hidden', type=int, default=64)
    parser.add_argument('--dropout', type=float, default=0.6)
    parser.add_argument('--train_rate', type=float, default=0.6)
    parser.add_argument('--val_rate', type=float, default=0.2)
    parser.add_argument('--dataset', type=str, default='Texas')
    parser.add_argument('--runs', type=int, default=10)
    args = parser.parse_args()

    dataset = DataLoader(args.dataset)
    data = dataset[0]
    percls_trn = int(round(args.train_rate * len(data.y) / dataset.num_classes))
    val_lb = int(round(args.val_rate * len(data.y)))
    SEEDS = [1941488137, 4198936517, 983997847, 4023022221, 4019585660,
             2108550661, 1648766618, 629014539, 3212139042, 2424918363]
    results = []
    for run in range(args.runs):
        set_seed(SEEDS[run])
        results.append(run_exp(args, dataset, data, percls_trn, val_lb, SEEDS[run]))
    print('test acc mean = {:.4f} +- {:.4f}'.format(np.mean(results) * 100, np.std(results) * 100))
