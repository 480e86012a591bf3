# Idiom seen in: SoumithReddy6/Neural-Collaborative-Filtering-Recommender ncf_recommender/training.py
# Idiom seen in: SoumithReddy6/Neural-Collaborative-Filtering-Recommender ncf_recommender/models.py
# What it reproduces: BPR matrix factorization trained as the repository does (Adam, no weight_decay), with
# the BPR paper's L2 on the sampled user/item embedding rows written into the loss: the only decay, applied
# once and only to the embeddings that were used. Clean.
import random

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from data import load_interactions, sample_bpr_triples


class MatrixFactorization(nn.Module):
    def __init__(self, num_users, num_items, embedding_dim=32):
        super().__init__()
        self.user_embeddings = nn.Embedding(num_users, embedding_dim)
        self.item_embeddings = nn.Embedding(num_items, embedding_dim)
        nn.init.normal_(self.user_embeddings.weight, std=0.05)
        nn.init.normal_(self.item_embeddings.weight, std=0.05)

    def forward(self, users, items):
        return (self.user_embeddings(users) * self.item_embeddings(items)).sum(dim=-1)


def train_bpr(model, triples, epochs=8, batch_size=128, learning_rate=0.001, reg_lambda=1e-4, seed=42):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
    losses = []
    triples = list(triples)
    for _ in range(epochs):
        random.shuffle(triples)
        batch_losses = []
        for start in range(0, len(triples), batch_size):
            batch = triples[start:start + batch_size]
            users = torch.tensor([row[0] for row in batch], dtype=torch.long)
            positives = torch.tensor([row[1] for row in batch], dtype=torch.long)
            negatives = torch.tensor([row[2] for row in batch], dtype=torch.long)
            optimizer.zero_grad()
            u = model.user_embeddings(users)
            i = model.item_embeddings(positives)
            j = model.item_embeddings(negatives)
            pos_scores = (u * i).sum(-1)
            neg_scores = (u * j).sum(-1)
            reg = (u.pow(2).sum(-1) + i.pow(2).sum(-1) + j.pow(2).sum(-1)).mean()
            loss = -F.logsigmoid(pos_scores - neg_scores).mean() + reg_lambda * reg
            loss.backward()
            optimizer.step()
            batch_losses.append(float(loss.detach()))
        losses.append(sum(batch_losses) / max(len(batch_losses), 1))
    return model, losses


if __name__ == "__main__":
    interactions, num_users, num_items = load_interactions("data/ml-100k/u.data")
    triples = sample_bpr_triples(interactions, num_items, seed=42)
    model, losses = train_bpr(MatrixFactorization(num_users, num_items, 32), triples)
    print("final BPR loss", losses[-1])
