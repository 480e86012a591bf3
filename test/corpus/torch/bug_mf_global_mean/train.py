# Idiom seen in: arunmm8335/matrix-factorization-pytorch src/mf/train.py
# What it reproduces: module constants and SGD(model.parameters(), lr=LR, weight_decay=1e-5) on the
#   biased MF model: the decay also pulls the learned global mean mu (about 3.5 on MovieLens) and the
#   bias tables toward zero (WD203).
import os

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.optim as optim
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader

from dataset import MovieLensDataset
from model import MatrixFactorizationWithBias

BATCH_SIZE = 128
EPOCHS = 50
LR = 0.05
FACTORS = 20
DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def main():
    if not os.path.exists('ml-latest-small'):
        os.system("wget -q https://files.grouplens.org/datasets/movielens/ml-latest-small.zip")
        os.system("unzip -q ml-latest-small.zip")
    df = pd.read_csv('./ml-latest-small/ratings.csv')
    user2idx = {x: i for i, x in enumerate(df["userId"].unique().tolist())}
    item2idx = {x: i for i, x in enumerate(df["movieId"].unique().tolist())}
    df["user"] = df["userId"].map(user2idx)
    df["item"] = df["movieId"].map(item2idx)
    train_df, test_df = train_test_split(df, test_size=0.2, random_state=42)

    train_loader = DataLoader(
        MovieLensDataset(train_df["user"].values, train_df["item"].values, train_df["rating"].values),
        batch_size=BATCH_SIZE, shuffle=True)
    test_loader = DataLoader(
        MovieLensDataset(test_df["user"].values, test_df["item"].values, test_df["rating"].values),
        batch_size=BATCH_SIZE)

    global_mean = train_df["rating"].mean()
    model = MatrixFactorizationWithBias(len(user2idx), len(item2idx), global_mean, FACTORS).to(DEVICE)
    criterion = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), lr=LR, weight_decay=1e-5)  # expect: WD203

    for epoch in range(EPOCHS):
        model.train()
        total_loss = 0.0
        for users, items, ratings in train_loader:
            users, items, ratings = users.to(DEVICE), items.to(DEVICE), ratings.to(DEVICE)
            optimizer.zero_grad()
            loss = criterion(model(users, items), ratings)
            loss.backward()
            optimizer.step()
            total_loss += loss.item()
        if (epoch + 1) % 5 == 0:
            print(f"Epoch {epoch+1}: Avg Loss = {total_loss / len(train_loader):.4f}")

    model.eval()
    test_loss = 0.0
    with torch.no_grad():
        for users, items, ratings in test_loader:
            users, items, ratings = users.to(DEVICE), items.to(DEVICE), ratings.to(DEVICE)
            test_loss += criterion(model(users, items), ratings).item()
    print(f"Final Test RMSE: {np.sqrt(test_loss / len(test_loader)):.4f}")


if __name__ == "__main__":
    main()
