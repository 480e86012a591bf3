# Idiom seen in: chennnM/GCNII train.py
# What it reproduces: Adam with two decaying parameter groups (wd1 on the convolutions, wd2 on the linear layers):
# both groups are coupled L2 under Adam (WD202 per group), and the params2 group holds the nn.Linear biases (WD203).
import argparse
import time

import torch
import torch.nn.functional as F

from model import GCNII
from utils import accuracy, load_citation

parser = argparse.ArgumentParser()
parser.add_argument('--seed', type=int, default=42)
parser.add_argument('--epochs', type=int, default=1500)
parser.add_argument('--lr', type=float, default=0.01)
parser.add_argument('--wd1', type=float, default=0.01, help='weight decay (L2 loss on parameters).')
parser.add_argument('--wd2', type=float, default=5e-4, help='weight decay (L2 loss on parameters).')
parser.add_argument('--layer', type=int, default=64)
parser.add_argument('--hidden', type=int, default=64)
parser.add_argument('--dropout', type=float, default=0.6)
parser.add_argument('--data', default='cora')
parser.add_argument('--alpha', type=float, default=0.1)
parser.add_argument('--lamda', type=float, default=0.5)
parser.add_argument('--variant', action='store_true', default=False)
args = parser.parse_args()

adj, features, labels, idx_train, idx_val, idx_test = load_citation(args.data)
device = torch.device('cuda:0' if torch.cuda.is_available() else 'cpu')
features = features.to(device)
adj = adj.to(device)

model = GCNII(nfeat=features.shape[1],
              nlayers=args.layer,
              nhidden=args.hidden,
              nclass=int(labels.max()) + 1,
              dropout=args.dropout,
              lamda=args.lamda,
              alpha=args.alpha,
              variant=args.variant).to(device)

optimizer = torch.optim.Adam([
    dict(params=model.params1, weight_decay=args.wd1),  # expect: WD202
    dict(params=model.params2, weight_decay=args.wd2),  # expect: WD202, WD203
], lr=args.lr)


def train():
    model.train()
    optimizer.zero_grad()
    output = model(features, adj)
    acc_train = accuracy(output[idx_train], labels[idx_train].to(device))
    loss_train = F.nll_loss(output[idx_train], labels[idx_train].to(device))
    loss_train.backward()
    optimizer.step()
    return loss_train.item(), acc_train.item()


def validate():
    model.eval()
    with torch.no_grad():
        output = model(features, adj)
        loss_val = F.nll_loss(output[idx_val], labels[idx_val].to(device))
        acc_val = accuracy(output[idx_val], labels[idx_val].to(device))
        return loss_val.item(), acc_val.item()


t_total = time.time()
best = 1e9
for epoch in range(args.epochs):
    loss_tra, acc_tra = train()
    loss_val, acc_val = validate()
    if loss_val < best:
        best = loss_val
        torch.save(model.state_dict(), 'checkpoint.pt')
print('Train cost: {:.4f}s'.format(time.time() - t_total))
