# Idiom seen in: repository not resolved by the code index (index file ids 6489762080 / 5893998152: the
#   AoSEGCN train script: Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay) and
#   `loss_train += args.weight_decay * model.l2_loss()`)
# What it reproduces: double decay in a GCN port: the TF-GCN explicit l2_loss term is added to the loss
#   while the same coefficient is also passed to Adam as weight_decay on every parameter.
# label-note: WD201 is placed on the line that adds the explicit penalty (the term itself is summed in
#   models.AoSEGCN.l2_loss); WD202 + WD203 on the one-line Adam call (coupled decay, biases included).
import argparse
import time

import torch
import torch.nn.functional as F

from models import AoSEGCN
from utils import load_data, accuracy

parser = argparse.ArgumentParser()
parser.add_argument("--dataset", type=str, default="cora")
parser.add_argument("--epochs", type=int, default=200)
parser.add_argument("--lr", type=float, default=0.01)
parser.add_argument("--weight_decay", type=float, default=5e-4)
parser.add_argument("--hidden", type=int, default=64)
parser.add_argument("--dropout", type=float, default=0.5)
args = parser.parse_args()

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
adj, features, labels, idx_train, idx_val, idx_test = load_data(dataset_str=args.dataset)
adj, features, labels = adj.to(device), features.to(device), labels.to(device)

model = AoSEGCN(nfeat=features.shape[1], nhid=args.hidden, nclass=int(labels.max()) + 1,
                dropout=args.dropout, num_layers=1).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)  # expect: WD202, WD203


def train(epoch):
    t = time.time()
    model.train()
    optimizer.zero_grad()
    output = model(features, adj)
    loss_train = F.nll_loss(output[idx_train], labels[idx_train])
    loss_train += args.weight_decay * model.l2_loss()  # expect: WD201
    acc_train = accuracy(output[idx_train], labels[idx_train])
    loss_train.backward()
    optimizer.step()
    model.eval()
    with torch.no_grad():
        output = model(features, adj)
        loss_val = F.nll_loss(output[idx_val], labels[idx_val])
        acc_val = accuracy(output[idx_val], labels[idx_val])
    print("Epoch {:04d} loss_train {:.4f} acc_train {:.4f} loss_val {:.4f} acc_val {:.4f} {:.2f}s".format(
        epoch + 1, loss_train.item(), acc_train.item(), loss_val.item(), acc_val.item(), time.time() - t))
    return loss_val.item()


if __name__ == "__main__":
    for epoch in range(args.epochs):
        train(epoch)
