# Idiom seen in: LuckyTiger123/GNN KDD_model/sample_model/compare_with_baseline/train.py
# Idiom seen in: LuckyTiger123/GNN KDD_model/sample_model/compare_with_baseline/GCN_model.py
# What it reproduces: the training script of the GCN baseline; the optimizer comes from the model
#   module's build_optimizer (Adam, coupled decay on conv1 incl. its bias).
import argparse

import torch
import torch.nn.functional as F
import torch_geometric.transforms as T
from torch_geometric.datasets import Planetoid

import utils
from GCN_model import GCNModel, build_optimizer

parser = argparse.ArgumentParser(description='GCN baseline on noisy graphs')
parser.add_argument('-ds', '--dataset', choices=['Cora', 'CiteSeer', 'PubMed'], default='Cora')
parser.add_argument('-r', '--rate', type=float, default=0.2)
parser.add_argument('-c', '--cuda', type=int, default=0)
parser.add_argument('-e', '--epoch', type=int, default=200)
parser.add_argument('-l', '--learning_rate', type=float, default=0.01)
parser.add_argument('-rd', '--round', type=int, default=10)
args = parser.parse_args()

device = torch.device('cuda:{}'.format(args.cuda) if torch.cuda.is_available() else 'cpu')
dataset = Planetoid(root='./data/{}'.format(args.dataset), name=args.dataset,
                    transform=T.NormalizeFeatures())
data = dataset[0].to(device=device)

model = GCNModel(dataset.num_features, dataset.num_classes).to(device=device)

accs = []
for r in range(args.round):
    noisy_edges = utils.flip_related_edge(data.edge_index, flip_rate=args.rate)
    model.reset_parameters()
    optimizer = build_optimizer(model, args.learning_rate)
    for epoch in range(args.epoch):
        model.train()
        optimizer.zero_grad()
        out = model(data.x, noisy_edges)
        loss = F.cross_entropy(out[data.train_mask], data.y[data.train_mask])
        loss.backward()
        optimizer.step()
    model.eval()
    pred = model(data.x, noisy_edges).argmax(dim=1)
    acc = int((pred[data.test_mask] == data.y[data.test_mask]).sum()) / int(data.test_mask.sum())
    accs.append(acc)
    print('round {}: test acc {:.4f}'.format(r, acc))

print('mean acc {:.4f}'.format(sum(accs) / len(accs)))
