# Idiom seen in: soujie/GnnCode vgae/optimizer.py
# Idiom seen in: soujie/GnnCode vgae/model.py
# What it reproduces: VGAE loss = BCE + KLD where KLD = -0.5/n * mean(sum(1 + 2*logvar - mu^2 - exp(logvar)^2)):
# the squares are of latents returned by the model, not weights; Adam has no weight_decay: clean.
import argparse
import torch
from torch import optim

from model import GCNModelVAE
from optimizer import loss_function
from utils import load_data, mask_test_edges, preprocess_graph, get_roc_score

parser = argparse.ArgumentParser()
parser.add_argument('--epochs', type=int, default=200)
parser.add_argument('--hidden1', type=int, default=32)
parser.add_argument('--hidden2', type=int, default=16)
parser.add_argument('--lr', type=float, default=0.01)
parser.add_argument('--dropout', type=float, default=0.)
parser.add_argument('--dataset-str', type=str, default='cora')
args = parser.parse_args()

adj, features = load_data(args.dataset_str)
n_nodes, feat_dim = features.shape
adj_train, train_edges, val_edges, val_edges_false, test_edges, test_edges_false = mask_test_edges(adj)
adj_norm = preprocess_graph(adj_train)
adj_label = torch.FloatTensor((adj_train + torch.eye(n_nodes)).numpy())
pos_weight = torch.tensor(float(n_nodes * n_nodes - adj_train.sum()) / adj_train.sum())
norm = n_nodes * n_nodes / float((n_nodes * n_nodes - adj_train.sum()) * 2)

model = GCNModelVAE(feat_dim, args.hidden1, args.hidden2, args.dropout)
optimizer = optim.Adam(model.parameters(), lr=args.lr)

for epoch in range(args.epochs):
    model.train()
    optimizer.zero_grad()
    recovered, mu, logvar = model(features, adj_norm)
    loss = loss_function(preds=recovered, labels=adj_label, mu=mu, logvar=logvar,
                         n_nodes=n_nodes, norm=norm, pos_weight=pos_weight)
    loss.backward()
    optimizer.step()
    roc_curr, ap_curr = get_roc_score(mu.detach().numpy(), adj, val_edges, val_edges_false)
    print('Epoch: {:04d} train_loss={:.5f} val_roc={:.5f}'.format(epoch + 1, loss.item(), roc_curr))
