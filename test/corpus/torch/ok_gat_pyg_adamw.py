# Idiom seen in: yururyuru00/GAT_pyG README.md
# What it reproduces: a PyG GAT trainer with argparse weight_decay, written clean: AdamW over two
#   groups, decay only on matrices (p.ndim > 1), biases and attention vectors left undecayed.
import argparse

import torch
import torch.nn.functional as F
from torch_geometric.datasets import Planetoid
from torch_geometric.nn import GATConv
import torch_geometric.transforms as T

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', type=str, default='Cora')
parser.add_argument('--hidden', type=int, default=8)
parser.add_argument('--heads', type=int, default=8)
parser.add_argument('--dropout', type=float, default=0.6)
parser.add_argument('--lr', type=float, default=0.005)
parser.add_argument('--weight_decay', type=float, default=5e-2)
parser.add_argument('--epochs', type=int, default=300)
args = parser.parse_args()


class GAT(torch.nn.Module):
    def __init__(self, in_dim, n_class):
        super().__init__()
        self.conv1 = GATConv(in_dim, args.hidden, heads=args.heads, dropout=args.dropout)
        self.conv2 = GATConv(args.hidden * args.heads, n_class, heads=1, concat=False,
                             dropout=args.dropout)

    def forward(self, x, edge_index):
        x = F.dropout(x, p=args.dropout, training=self.training)
        x = F.elu(self.conv1(x, edge_index))
        x = F.dropout(x, p=args.dropout, training=self.training)
        return F.log_softmax(self.conv2(x, edge_index), dim=-1)


def param_groups(model, weight_decay):
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        if p.ndim <= 1 or name.endswith('.bias') or 'att_' in name:
            no_decay.append(p)
        else:
            decay.append(p)
    return [{'params': decay, 'weight_decay': weight_decay},
            {'params': no_decay, 'weight_decay': 0.0}]


device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
dataset = Planetoid('./data', args.dataset, transform=T.NormalizeFeatures())
data = dataset[0].to(device)
model = GAT(dataset.num_features, dataset.num_classes).to(device)
optimizer = torch.optim.AdamW(param_groups(model, args.weight_decay), lr=args.lr)

for epoch in range(1, args.epochs + 1):
    model.train()
    optimizer.zero_grad()
    out = model(data.x, data.edge_index)
    loss = F.nll_loss(out[data.train_mask], data.y[data.train_mask])
    loss.backward()
    optimizer.step()
    if epoch % 50 == 0:
        model.eval()
        pred = model(data.x, data.edge_index).argmax(dim=-1)
        acc = (pred[data.test_mask] == data.y[data.test_mask]).float().mean().item()
        print('epoch {:03d} loss {:.4f} test {:.4f}'.format(epoch, loss.item(), acc))
