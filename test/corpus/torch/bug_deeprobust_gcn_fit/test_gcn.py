# Idiom seen in: DSE-MSU/DeepRobust examples/graph/test_gcn.py
# What it reproduces: the example driver: load a citation graph from a data package the program does
#   not hold, construct GCN(nfeat, nhid=16, nclass) with its default weight_decay, then model.fit(...).
import argparse

import torch

from deeprobust.graph.data import Dataset
from deeprobust.graph.utils import preprocess
from gcn import GCN

parser = argparse.ArgumentParser()
parser.add_argument('--seed', type=int, default=15)
parser.add_argument('--dataset', type=str, default='citeseer', choices=['cora', 'citeseer', 'polblogs'])
args = parser.parse_args()
torch.manual_seed(args.seed)

data = Dataset(root='/tmp/', name=args.dataset, setting='nettack')
adj, features, labels = data.adj, data.features, data.labels
idx_train, idx_val, idx_test = data.idx_train, data.idx_val, data.idx_test
adj, features, labels = preprocess(adj, features, labels, preprocess_adj=True, sparse=True)

model = GCN(nfeat=features.shape[1], nhid=16, nclass=int(labels.max()) + 1, device='cpu')
model.fit(features, adj, labels, idx_train, idx_val, train_iters=200, verbose=True)
model.eval()
output = model.output
print('test acc', (output[idx_test].argmax(1) == labels[idx_test]).float().mean().item())
