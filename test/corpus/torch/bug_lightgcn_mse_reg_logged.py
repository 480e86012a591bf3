# Idiom seen in: MilkFeng/LightGCN loss.py
# Idiom seen in: MilkFeng/LightGCN model.py
# What it reproduces: the rating-regression variant (MSELoss.stageOne): the embedding penalty is scaled
# by DECAY, but after taking the RMSE the user only logs it and backpropagates the bare loss, so the
# L2 term never reaches the optimizer (a realistic edit of the repository's loss.py).
import argparse

import torch
import torch.nn as nn
from torch import optim

from data import load_rating_dataset

parser = argparse.ArgumentParser()
parser.add_argument('--recdim', type=int, default=64)
parser.add_argument('--lr', type=float, default=0.001)
parser.add_argument('--decay', type=float, default=1e-4)
parser.add_argument('--epochs', type=int, default=100)
parser.add_argument('--batch', type=int, default=2048)
cli = parser.parse_args()


class LightMSE(nn.Module):
    def __init__(self, num_users, num_items, dim):
        super().__init__()
        self.embedding_user = nn.Embedding(num_users, dim)
        self.embedding_item = nn.Embedding(num_items, dim)
        nn.init.normal_(self.embedding_user.weight, std=0.1)
        nn.init.normal_(self.embedding_item.weight, std=0.1)

    def mse_loss(self, users, items, actual_score):
        user_emb0 = self.embedding_user(users)
        item_emb0 = self.embedding_item(items)
        reg_loss = (1 / 2) * (user_emb0.norm(2).pow(2) + item_emb0.norm(2).pow(2)) / float(len(users))
        pred = torch.sum(user_emb0 * item_emb0, dim=1)
        loss = torch.mean((pred - actual_score) ** 2)
        return loss, reg_loss


class MSELoss:
    def __init__(self, model, weight_decay, lr):
        self.model = model
        self.weight_decay = weight_decay
        self.opt = optim.Adam(model.parameters(), lr=lr)

    def stageOne(self, users, items, actual_score):
        loss, reg_loss = self.model.mse_loss(users, items, actual_score)
        reg_loss = reg_loss * self.weight_decay  # expect: WD104
        loss = loss ** 0.5

        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        print(f"rmse {loss.item():.4f} reg {reg_loss.item():.6f}")
        return loss.cpu().item()


dataset = load_rating_dataset('ml-latest-small')
model = LightMSE(dataset.n_users, dataset.m_items, cli.recdim)
trainer = MSELoss(model, cli.decay, cli.lr)
for epoch in range(cli.epochs):
    for users, items, scores in dataset.batches(cli.batch):
        trainer.stageOne(users, items, scores)
