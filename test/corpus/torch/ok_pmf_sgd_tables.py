# Idiom seen in: ScXfjiang/pmf main.py
# Idiom seen in: ScXfjiang/pmf model.py
# Idiom seen in: ScXfjiang/pmf train_scripts/train_ml1m.sh
# What it reproduces: PMF on MovieLens with SGD(lr=0.1, momentum=0.9, weight_decay=1e-4) as in the
#   repo's training scripts; the model is two raw factor tables (no biases, no norms), so decaying
#   all of model.parameters() is exactly the PMF Gaussian prior. Clean.
import argparse
import time

import torch
import torch.nn as nn

from dataset import MovieLens1M
from util import show_elapsed_time


class ProbabilisticMatrixFactorization(nn.Module):
    def __init__(self, num_user, num_item, latent_dim):
        super(ProbabilisticMatrixFactorization, self).__init__()
        self.w_user = nn.parameter.Parameter(torch.empty((num_user, latent_dim)), requires_grad=True)
        self.w_item = nn.parameter.Parameter(torch.empty((num_item, latent_dim)), requires_grad=True)
        nn.init.normal_(self.w_user, mean=0.0, std=0.01)
        nn.init.normal_(self.w_item, mean=0.0, std=0.01)

    def forward(self, user_indices, item_indices):
        user_embeds = torch.index_select(self.w_user, 0, user_indices)
        item_embeds = torch.index_select(self.w_item, 0, item_indices)
        return torch.sum(user_embeds * item_embeds, dim=-1)


def train_epoch(model, loader, optimizer, K, use_cuda):
    model.train()
    losses = []
    for user_indices, item_indices, gt_ratings in loader:
        if use_cuda:
            user_indices, item_indices, gt_ratings = user_indices.cuda(), item_indices.cuda(), gt_ratings.cuda()
        optimizer.zero_grad()
        estimate = torch.sigmoid(model(user_indices, item_indices))
        target = (gt_ratings.to(torch.float32) - 1) / (K - 1)
        rmse = torch.sqrt(torch.nn.functional.mse_loss(estimate, target))
        rmse.backward()
        optimizer.step()
        losses.append(rmse.item())
    return sum(losses) / len(losses)


def main():
    parser = argparse.ArgumentParser(description="Probabilistic Matrix Factorization")
    parser.add_argument("--dataset", type=str, default="ml-1m")
    parser.add_argument("--train_batch_size", type=int, default=1024)
    parser.add_argument("--num_epoch", type=int, default=200)
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--momentum", type=float, default=0.9)
    parser.add_argument("--weight_decay", type=float, default=1e-4)
    parser.add_argument("--latent_dim", type=int, default=15)
    parser.add_argument("--K", type=int, default=5)
    args = parser.parse_args()

    use_cuda = torch.cuda.is_available()
    dataset = MovieLens1M(args.dataset)
    train_set, _ = torch.utils.data.random_split(dataset, [int(len(dataset) * 0.8), len(dataset) - int(len(dataset) * 0.8)])
    loader = torch.utils.data.DataLoader(train_set, batch_size=args.train_batch_size, shuffle=True, drop_last=True)
    model = ProbabilisticMatrixFactorization(dataset.get_num_user(), dataset.get_num_item(), args.latent_dim)
    if use_cuda:
        model.cuda()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum, weight_decay=args.weight_decay)
    for epoch_idx in range(1, args.num_epoch + 1):
        start = time.time()
        train_epoch(model, loader, optimizer, args.K, use_cuda)
        show_elapsed_time(start, time.time(), "Train epoch {}".format(epoch_idx))


if __name__ == "__main__":
    main()
