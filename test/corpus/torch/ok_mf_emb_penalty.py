# Idiom seen in: Sevendogs077/rec-movielens-100k train.py
# Idiom seen in: Sevendogs077/rec-movielens-100k src/models/mf.py
# What it reproduces: clean twin of the MovieLens MF trainer: the L2 penalty on the batch embedding rows is the
#   only regularizer (Adam without weight_decay, as in the repository), so the tables are not decayed twice.
import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from src.dataset import MovieLensDataset
from src.utils import parse_args


class MatrixFactorization(nn.Module):
    def __init__(self, num_users, num_items, num_features):
        super().__init__()
        self.user_embedding = nn.Embedding(num_users, num_features)
        self.item_embedding = nn.Embedding(num_items, num_features)
        nn.init.normal_(self.user_embedding.weight, mean=0, std=0.01)
        nn.init.normal_(self.item_embedding.weight, mean=0, std=0.01)

    def forward(self, user_ids, item_ids):
        u = self.user_embedding(user_ids)
        i = self.item_embedding(item_ids)
        reg = (u.norm(2).pow(2) + i.norm(2).pow(2)) / (2 * len(user_ids))
        return torch.sum(u * i, dim=1), reg


def train(args):
    dataset = MovieLensDataset(args.data_path)
    loader = DataLoader(dataset, batch_size=args.batch_size, shuffle=True)
    net = MatrixFactorization(dataset.num_users, dataset.num_items, args.num_features)
    criterion = nn.MSELoss()
    optimizer = torch.optim.Adam(net.parameters(), lr=args.lr)
    for epoch in range(args.num_epochs):
        for user_ids, item_ids, ratings in loader:
            optimizer.zero_grad()
            output, reg = net(user_ids, item_ids)
            loss = criterion(output, ratings) + 1e-4 * reg
            loss.backward()
            optimizer.step()
        print(epoch, loss.item())


if __name__ == '__main__':
    train(parse_args())
