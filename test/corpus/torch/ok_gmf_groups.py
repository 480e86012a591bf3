# Idiom seen in: jrzaurin/ml-pipeline-recommendation-system gmf.py
# What it reproduces: GMF recommender trained with Nesterov SGD, decay given per group: embedding
#   tables and the output kernel decayed, the output bias not. Clean.
import argparse

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader

from utils import get_train_instances, evaluate

parser = argparse.ArgumentParser(description="Train GMF")
parser.add_argument("--datadir", type=str, default="data/processed/amazon/gmf.npz")
parser.add_argument("--n_emb", type=int, default=8)
parser.add_argument("--batch_size", type=int, default=1024)
parser.add_argument("--epochs", type=int, default=20)
parser.add_argument("--lr", type=float, default=0.01)
parser.add_argument("--l2reg", type=float, default=1e-5)
parser.add_argument("--n_neg", type=int, default=4)
args = parser.parse_args()


class GMF(nn.Module):
    def __init__(self, n_user, n_item, n_emb=8):
        super(GMF, self).__init__()
        self.embeddings_user = nn.Embedding(n_user, n_emb)
        self.embeddings_item = nn.Embedding(n_item, n_emb)
        self.out = nn.Linear(in_features=n_emb, out_features=1)
        for m in self.modules():
            if isinstance(m, nn.Embedding):
                nn.init.normal_(m.weight)

    def forward(self, users, items):
        prod = self.embeddings_user(users) * self.embeddings_item(items)
        return torch.sigmoid(self.out(prod))


dataset = np.load(args.datadir)
train_df = pd.DataFrame(dataset["train"], columns=["user", "item", "rating"])
n_users, n_items = dataset["n_users"], dataset["n_items"]
model = GMF(n_users, n_items, args.n_emb)

decayed = [model.embeddings_user.weight, model.embeddings_item.weight, model.out.weight]
optimizer = torch.optim.SGD(
    [{"params": decayed, "weight_decay": args.l2reg},
     {"params": [model.out.bias], "weight_decay": 0.0}],
    lr=args.lr, momentum=0.9, nesterov=True)
criterion = nn.BCELoss()

for epoch in range(args.epochs):
    model.train()
    train_dataset = get_train_instances(train_df, args.n_neg, n_items)
    loader = DataLoader(dataset=train_dataset, batch_size=args.batch_size, shuffle=True)
    for data in loader:
        users, items, labels = data[:, 0], data[:, 1], data[:, 2].float()
        optimizer.zero_grad()
        preds = model(users, items)
        loss = criterion(preds.squeeze(1), labels)
        loss.backward()
        optimizer.step()
    hr, ndcg = evaluate(model, dataset["test"], topk=10)
    print("epoch {} HR {:.4f} NDCG {:.4f}".format(epoch, hr, ndcg))
