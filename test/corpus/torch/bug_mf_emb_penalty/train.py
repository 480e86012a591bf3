# Idiom seen in: Sevendogs077/rec-movielens-100k train.py
# Idiom seen in: Sevendogs077/rec-movielens-100k src/models/mf.py
# What it reproduces: MovieLens matrix factorization (embedding tables only); the user adds a penalty on the
#   batch embedding rows (u.norm(2).pow(2)) to the MSE loss AND gives Adam weight_decay=args.weight_decay:
#   the tables are decayed twice, once as coupled L2 inside Adam (a realistic mistake in this repo's idiom).
import os

import torch
from torch import nn
from torch.utils.data import DataLoader, random_split

from dataset import MovieLensDataset
from model import MatrixFactorization
from utils import parse_args


def train(args):
    os.makedirs(args.save_dir, exist_ok=True)
    dataset = MovieLensDataset(args.data_path)
    train_size = int(args.train_ratio * len(dataset))
    train_set, test_set = random_split(dataset, [train_size, len(dataset) - train_size])
    train_loader = DataLoader(train_set, batch_size=args.batch_size, shuffle=True)

    net = MatrixFactorization(dataset.num_users, dataset.num_items, args.num_features).to(args.device)
    criterion = nn.MSELoss()
    optimizer = torch.optim.Adam(net.parameters(), lr=args.lr, weight_decay=args.weight_decay)  # expect: WD202

    for epoch in range(args.num_epochs):
        net.train()
        total = 0.0
        for user_ids, item_ids, ratings in train_loader:
            user_ids, item_ids = user_ids.to(args.device), item_ids.to(args.device)
            ratings = ratings.to(args.device)
            optimizer.zero_grad()
            output = net(user_ids, item_ids)
            loss = criterion(output, ratings) + args.reg * net.reg_loss(user_ids, item_ids)
            loss.backward()
            optimizer.step()
            total += loss.item()
        print(f'Epoch {epoch + 1}/{args.num_epochs}: Train Loss = {total / len(train_loader):.4f}')
    torch.save(net.state_dict(), os.path.join(args.save_dir, 'last_model.pth'))


if __name__ == '__main__':
    train(parse_args())
