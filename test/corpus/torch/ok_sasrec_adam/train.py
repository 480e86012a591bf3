# Idiom seen in: arunmm8335/matrix-factorization-pytorch src/sasrec/train.py
# What it reproduces: module constants and optim.Adam(model.parameters(), lr=LR) with no weight_decay:
#   nothing is decayed, the LayerNorms inside nn.TransformerEncoderLayer included. Clean.
import os
import sys

import pandas as pd
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader

sys.path.append(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from dataset import SASRecDataset
from model import SASRec

BATCH_SIZE = 64
EPOCHS = 20
LR = 0.001
MAX_LEN = 50
DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def main():
    df = pd.read_csv('../../ml-latest-small/ratings.csv')
    item2idx = {x: i + 1 for i, x in enumerate(df["movieId"].unique().tolist())}
    df["item"] = df["movieId"].map(item2idx)
    user2idx = {x: i for i, x in enumerate(df["userId"].unique().tolist())}
    df["user"] = df["userId"].map(user2idx)

    dataset = SASRecDataset(df, list(item2idx.values()), max_len=MAX_LEN)
    loader = DataLoader(dataset, batch_size=BATCH_SIZE, shuffle=True)
    model = SASRec(len(item2idx), max_len=MAX_LEN).to(DEVICE)
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(model.parameters(), lr=LR)

    for epoch in range(EPOCHS):
        model.train()
        total_loss = 0.0
        for seq, pos, neg in loader:
            seq, pos = seq.to(DEVICE), pos.to(DEVICE)
            optimizer.zero_grad()
            loss = criterion(model(seq), pos)
            loss.backward()
            optimizer.step()
            total_loss += loss.item()
        print(f"Epoch {epoch+1}: Loss = {total_loss / len(loader):.4f}")


if __name__ == "__main__":
    main()
