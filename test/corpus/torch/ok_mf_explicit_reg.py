# Idiom seen in: ay27/MatrixFactorization README.md
# What it reproduces: the README's regularized MF loss e^2 + beta/2 (||p_u||^2 + ||q_i||^2) written in torch on the
#   batch's embedding rows, with a plain SGD optimizer (no weight_decay) and user/item biases that the
#   penalty leaves alone: the explicit penalty is the only decay: clean.
import argparse

import torch
import torch.nn as nn

from movielens import load_ratings


class MatrixFactorization(nn.Module):
    def __init__(self, n_users, n_items, k=20):
        super().__init__()
        self.P = nn.Embedding(n_users, k)
        self.Q = nn.Embedding(n_items, k)
        self.b_u = nn.Embedding(n_users, 1)
        self.b_i = nn.Embedding(n_items, 1)
        self.mu = nn.Parameter(torch.zeros(1))
        nn.init.normal_(self.P.weight, std=0.1)
        nn.init.normal_(self.Q.weight, std=0.1)

    def forward(self, u, i):
        p_u, q_i = self.P(u), self.Q(i)
        bias = self.mu + self.b_u(u).squeeze(-1) + self.b_i(i).squeeze(-1)
        return bias + (p_u * q_i).sum(-1), p_u, q_i


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--alpha", type=float, default=0.005)
    parser.add_argument("--beta", type=float, default=0.02)
    parser.add_argument("--epochs", type=int, default=30)
    args = parser.parse_args()

    train, test, n_users, n_items = load_ratings("ml-100k")
    model = MatrixFactorization(n_users, n_items, args.k)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.alpha)
    for epoch in range(args.epochs):
        total = 0.0
        for u, i, r in train:
            pred, p_u, q_i = model(u, i)
            err = ((r - pred) ** 2).sum()
            reg = args.beta / 2 * (p_u.pow(2).sum() + q_i.pow(2).sum())
            loss = err + reg
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += err.item()
        with torch.no_grad():
            u, i, r = test
            rmse = torch.sqrt(((model(u, i)[0] - r) ** 2).mean()).item()
        print(f"epoch {epoch}: train sse {total:.2f} test rmse {rmse:.4f}")


if __name__ == "__main__":
    main()
