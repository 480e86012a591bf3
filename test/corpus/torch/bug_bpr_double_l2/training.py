# Idiom seen in: SoumithReddy6/Neural-Collaborative-Filtering-Recommender ncf_recommender/training.py
# What it reproduces: train_bpr (BPR loss on sampled triples, Adam) after a user change that adds both the
# BPR-paper L2 on the batch's user/item embedding rows and Adam(weight_decay=...): the embedding tables are
# decayed twice, once through the loss and once (coupled, under Adam) by the optimizer, biases too.
import random
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


@dataclass
class TrainingResult:
    model: nn.Module
    losses: list


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def bpr_loss(positive_scores, negative_scores):
    return -F.logsigmoid(positive_scores - negative_scores).mean()


def train_bpr(model, triples, epochs=8, batch_size=128, learning_rate=0.001, weight_decay=1e-5,
              reg_lambda=1e-4, seed=42):
    set_seed(seed)
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate, weight_decay=weight_decay)  # expect: WD202, WD203
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
            reg = (u.norm(2).pow(2) + i.norm(2).pow(2) + j.norm(2).pow(2)) / len(batch)  # expect: WD201
            loss = bpr_loss(model(users, positives), model(users, negatives)) + reg_lambda * reg
            loss.backward()
            optimizer.step()
            batch_losses.append(float(loss.detach()))
        losses.append(sum(batch_losses) / max(len(batch_losses), 1))
    return TrainingResult(model=model, losses=losses)
