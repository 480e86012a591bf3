# Idiom seen in: antoniopurificato/Sheaf4Rec train.py
# Idiom seen in: antoniopurificato/Sheaf4Rec evaluation.py
# What it reproduces: a LightGCN-style recommender trained with Adam and no optimizer weight decay; the
#   explicit embedding penalty from compute_bpr_loss is scaled by DECAY and added to the BPR loss that is
#   backpropagated. One decay mechanism, reaching the minimized loss: clean.
import argparse

import numpy as np
import torch
import torch.nn as nn
from torch_geometric.nn.conv import MessagePassing
from torch_geometric.utils import degree
from tqdm import tqdm
import wandb

from dataset import data_loader, train_df, train_edge_index, n_users, n_items
from evaluation import compute_bpr_loss

parser = argparse.ArgumentParser()
parser.add_argument('--seed', type=int, default=42, help='Seed')
parser.add_argument('--epochs', type=int, default=50, help='Number of epochs')
parser.add_argument('--K', type=int, default=20, help='Value of K')
parser.add_argument('--run_name', type=str, default='lightgcn', help='Name of the run for Wandb')
args = parser.parse_args()

latent_dim = 64
n_layers = 3
EPOCHS = args.epochs
BATCH_SIZE = 1024
DECAY = 0.0001
LR = 0.005

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


class LightGCNConv(MessagePassing):
    def __init__(self, **kwargs):
        super().__init__(aggr='add')

    def forward(self, x, edge_index):
        from_, to_ = edge_index
        deg = degree(to_, x.size(0), dtype=x.dtype)
        deg_inv_sqrt = deg.pow(-0.5)
        deg_inv_sqrt[deg_inv_sqrt == float('inf')] = 0
        norm = deg_inv_sqrt[from_] * deg_inv_sqrt[to_]
        return self.propagate(edge_index, x=x, norm=norm)

    def message(self, x_j, norm):
        return norm.view(-1, 1) * x_j


class RecSysGNN(nn.Module):
    def __init__(self, latent_dim, num_layers, num_users, num_items):
        super(RecSysGNN, self).__init__()
        self.embedding = nn.Embedding(num_users + num_items, latent_dim)
        self.convs = nn.ModuleList(LightGCNConv() for _ in range(num_layers))
        nn.init.normal_(self.embedding.weight, std=0.1)

    def forward(self, edge_index):
        emb0 = self.embedding.weight
        embs = [emb0]
        emb = emb0
        for conv in self.convs:
            emb = conv(x=emb, edge_index=edge_index)
            embs.append(emb)
        return emb0, torch.mean(torch.stack(embs, dim=0), dim=0)

    def encode_minibatch(self, users, pos_items, neg_items, edge_index):
        emb0, out = self(edge_index)
        return (out[users], out[pos_items], out[neg_items],
                emb0[users], emb0[pos_items], emb0[neg_items])


def train_and_eval(model, optimizer, train_df):
    loss_list_epoch, reg_loss_list_epoch = [], []
    for epoch in tqdm(range(EPOCHS)):
        n_batch = int(len(train_df) / BATCH_SIZE)
        final_loss_list, reg_loss_list = [], []
        model.train()
        for batch_idx in range(n_batch):
            optimizer.zero_grad()
            users, pos_items, neg_items = data_loader(train_df, BATCH_SIZE, n_users, n_items)
            users_emb, pos_emb, neg_emb, userEmb0, posEmb0, negEmb0 = model.encode_minibatch(
                users, pos_items, neg_items, train_edge_index)
            bpr_loss, reg_loss = compute_bpr_loss(
                users, users_emb, pos_emb, neg_emb, userEmb0, posEmb0, negEmb0)
            reg_loss = DECAY * reg_loss
            final_loss = bpr_loss + reg_loss
            final_loss.backward()
            optimizer.step()
            final_loss_list.append(final_loss.item())
            reg_loss_list.append(reg_loss.item())
        wandb.log({"Loss": round(np.mean(final_loss_list), 4)})
        loss_list_epoch.append(round(np.mean(final_loss_list), 4))
        reg_loss_list_epoch.append(round(np.mean(reg_loss_list), 4))
    return loss_list_epoch, reg_loss_list_epoch


if __name__ == '__main__':
    torch.manual_seed(args.seed)
    wandb.init(project="SheafNN", name=args.run_name, config={"learning_rate": LR, "epochs": EPOCHS})
    lightgcn = RecSysGNN(latent_dim=latent_dim, num_layers=n_layers, num_users=n_users, num_items=n_items)
    lightgcn.to(device)
    optimizer = torch.optim.Adam(lightgcn.parameters(), lr=LR)
    train_and_eval(lightgcn, optimizer, train_df)
    wandb.finish()
