# Idiom seen in: ChiOni/baeseongsu.github.io _trashbin/2020-01-17-Matrix-Factorization.md
# What it reproduces: MatrixFactorization with sparse=True embeddings trained by SparseAdam (which takes no
# weight_decay); the L2 on the looked-up user/item rows is added to the MSE that is backpropagated. Clean.
import argparse

import torch
import torch.nn.functional as F

from movielens import load_ratings


class MatrixFactorization(torch.nn.Module):
    def __init__(self, n_users, n_items, n_factors=20):
        super().__init__()
        self.user_factors = torch.nn.Embedding(n_users, n_factors, sparse=True)
        self.item_factors = torch.nn.Embedding(n_items, n_factors, sparse=True)

    def forward(self, user, item):
        return (self.user_factors(user) * self.item_factors(item)).sum(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--factors", type=int, default=20)
    parser.add_argument("--lr", type=float, default=1e-2)
    parser.add_argument("--reg", type=float, default=1e-3)
    parser.add_argument("--epochs", type=int, default=20)
    args = parser.parse_args()

    ratings, n_users, n_items = load_ratings("ml-100k")
    model = MatrixFactorization(n_users, n_items, n_factors=args.factors)
    optimizer = torch.optim.SparseAdam(model.parameters(), lr=args.lr)

    for epoch in range(args.epochs):
        for users, items, r in ratings.batches(1024):
            optimizer.zero_grad()
            pred = model(users, items)
            u = model.user_factors(users)
            v = model.item_factors(items)
            reg = args.reg * (u.pow(2).sum() + v.pow(2).sum()) / users.size(0)
            loss = F.mse_loss(pred, r) + reg
            loss.backward()
            optimizer.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    main()
