# Idiom seen in: THUDM/IGB model/gcnii.py
# Idiom seen in: THUDM/IGB scripts/run_GCNII_Flickr.sh
# What it reproduces: GCNII keeps conv_parameters / fc_parameters lists and the script builds torch Adam with
# two param groups decayed by --wd1 / --wd2: coupled L2 under Adam in both groups, and the fc group holds
# the nn.Linear biases, so they are decayed too.
import argparse

import torch
import torch.nn.functional as F

from dataset import load_graph_dataset
from model import GCNII

parser = argparse.ArgumentParser()
parser.add_argument("--dataset", default="Flickr")
parser.add_argument("--lr", type=float, default=8e-4)
parser.add_argument("--wd1", type=float, default=1e-3, help="weight decay of the convolution layers")
parser.add_argument("--wd2", type=float, default=5e-4, help="weight decay of the dense layers")
parser.add_argument("--hidden", type=int, default=64)
parser.add_argument("--layers", type=int, default=64)
parser.add_argument("--dropout", type=float, default=0.3)
parser.add_argument("--alpha", type=float, default=0.2)
parser.add_argument("--lmbda", type=float, default=0.1)
parser.add_argument("--epochs", type=int, default=1500)
parser.add_argument("--patience", type=int, default=100)
args = parser.parse_args()


def run(data, device):
    model = GCNII(data.num_features, args.hidden, data.num_classes, num_layers=args.layers,
                  dropout=args.dropout, alpha=args.alpha, lmbda=args.lmbda).to(device)
    optimizer = torch.optim.Adam([
        dict(params=model.conv_parameters, weight_decay=args.wd1),  # expect: WD202
        dict(params=model.fc_parameters, weight_decay=args.wd2),  # expect: WD202, WD203
    ], lr=args.lr)

    x, adj, y = data.x.to(device), data.adj.to(device), data.y.to(device)
    best_val, bad = 0.0, 0
    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad()
        out = model(x, adj)
        loss = F.cross_entropy(out[data.train_mask], y[data.train_mask])
        loss.backward()
        optimizer.step()

        model.eval()
        with torch.no_grad():
            pred = model(x, adj).argmax(dim=-1)
            val_acc = (pred[data.val_mask] == y[data.val_mask]).float().mean().item()
        if val_acc > best_val:
            best_val, bad = val_acc, 0
        else:
            bad += 1
            if bad > args.patience:
                break
    return best_val


if __name__ == "__main__":
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    data = load_graph_dataset(args.dataset)
    print("best val acc: {:.4f}".format(run(data, device)))
