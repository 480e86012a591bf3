# Idiom seen in: ScXfjiang/pmf main.py
# Idiom seen in: ScXfjiang/pmf train_scripts/train_ml100k.sh
# What it reproduces: the repo's plain SGD with its default lr=1.0; a user mistake in that idiom
#   (the real repo used wd 1e-4): the PMF prior strength lambda_U = lambda_V = 1.0 is passed as
#   weight_decay, so lr*wd = 1.0 and decay alone zeroes the factor tables every step.
import argparse

import torch

from dataset import MovieLens100K
from model import ProbabilisticMatrixFactorization


class Trainer(object):
    def __init__(self, model, train_loader, num_epoch, optimizer):
        self.model = model
        self.train_loader = train_loader
        self.num_epoch = num_epoch
        self.optimizer = optimizer
        self.train_loss_list = []

    def train(self):
        for _ in range(self.num_epoch):
            self.train_epoch()

    def train_epoch(self):
        self.model.train()
        cur_losses = []
        for user_indices, item_indices, gt_ratings in self.train_loader:
            self.optimizer.zero_grad()
            estimate_ratings = self.model(user_indices.long(), item_indices.long())
            loss = torch.sqrt(torch.nn.functional.mse_loss(estimate_ratings, gt_ratings.float()))
            cur_losses.append(loss.item())
            loss.backward()
            self.optimizer.step()
        self.train_loss_list.append(sum(cur_losses) / len(cur_losses))


def main():
    parser = argparse.ArgumentParser(description="Probabilistic Matrix Factorization")
    parser.add_argument("--dataset", type=str, default="ml-100k")
    parser.add_argument("--train_batch_size", type=int, default=1024)
    parser.add_argument("--num_epoch", type=int, default=100)
    parser.add_argument("--lr", type=float, default=1.0)
    parser.add_argument("--weight_decay", type=float, default=1.0, help="lambda_U = lambda_V of the PMF prior")  # expect: WD301
    parser.add_argument("--latent_dim", type=int, default=20)
    args = parser.parse_args()

    ml_100k = MovieLens100K(args.dataset)
    train_size = int(len(ml_100k) * 0.8)
    train_set, _ = torch.utils.data.random_split(ml_100k, [train_size, len(ml_100k) - train_size])
    train_loader = torch.utils.data.DataLoader(train_set, batch_size=args.train_batch_size, shuffle=True, drop_last=True)
    model = ProbabilisticMatrixFactorization(ml_100k.get_num_user(), ml_100k.get_num_item(), args.latent_dim)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    trainer = Trainer(model, train_loader, args.num_epoch, optimizer)
    trainer.train()


if __name__ == "__main__":
    main()
