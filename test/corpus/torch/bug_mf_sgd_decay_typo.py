# Idiom seen in: gorse-io/gorse docs/introduction/model/matrix_factorization.rst
# What it reproduces: explicit-feedback matrix factorization trained with plain SGD and an L2 weight;
#   the script uses a large learning rate (common for summed-over-batch MF losses) and a decay typed
#   as 5e-1 instead of 5e-4: lr * wd = 2.0 * 0.5 = 1.0, so decay alone zeroes/flips the factors each step
#   (a realistic mistake in this idiom).
import argparse

import numpy as np
import torch
import torch.nn as nn

from movielens import load_ratings

LEARNING_RATE = 2.0
WEIGHT_DECAY = 5e-1  # expect: WD301
N_FACTORS = 32


class MatrixFactorization(nn.Module):
    def __init__(self, n_users, n_items, n_factors=N_FACTORS):
        super().__init__()
        self.user_factors = nn.Embedding(n_users, n_factors)
        self.item_factors = nn.Embedding(n_items, n_factors)
        nn.init.normal_(self.user_factors.weight, std=0.01)
        nn.init.normal_(self.item_factors.weight, std=0.01)

    def forward(self, user, item):
        return (self.user_factors(user) * self.item_factors(item)).sum(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--epochs', type=int, default=30)
    parser.add_argument('--batch_size', type=int, default=1024)
    args = parser.parse_args()

    users, items, ratings, n_users, n_items = load_ratings('ml-100k')
    model = MatrixFactorization(n_users, n_items)
    optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
    loss_fn = nn.MSELoss()

    for epoch in range(args.epochs):
        perm = np.random.permutation(len(ratings))
        total = 0.0
        for start in range(0, len(perm), args.batch_size):
            idx = perm[start:start + args.batch_size]
            u = torch.LongTensor(users[idx])
            i = torch.LongTensor(items[idx])
            r = torch.FloatTensor(ratings[idx])
            optimizer.zero_grad()
            loss = loss_fn(model(u, i), r)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(idx)
        print('epoch {} rmse {:.4f}'.format(epoch, (total / len(perm)) ** 0.5))


if __name__ == '__main__':
    main()
