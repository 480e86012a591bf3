# Idiom seen in: DiMarzioBian/LightGCN main.py
# Idiom seen in: DiMarzioBian/LightGCN models/LightGCN.py
# Idiom seen in: DiMarzioBian/LightGCN arguments.py
# What it reproduces: a LightGCN port that drops the paper's explicit L2 term on the ego embeddings and uses
#   torch.optim.Adam(model.parameters(), weight_decay=args.weight_decay) instead: coupled L2 under Adam
#   (WD202). The model holds only the two embedding tables (no biases, no norms), so there is no WD203.
import argparse
import time

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from dataloader import get_dataloader
from sample import sample_uniform
from utils.save import minibatch, shuffle


def parse_args():
    parser = argparse.ArgumentParser(description='LightGCN')
    parser.add_argument('--dataset', type=str, default='gowalla')
    parser.add_argument('--d_latent', type=int, default=64)
    parser.add_argument('--n_layer', type=int, default=3)
    parser.add_argument('--bpr_batch_size', type=int, default=2048)
    parser.add_argument('--n_epoch', type=int, default=1000)
    parser.add_argument('--lr', type=float, default=0.001, help='the learning rate')
    parser.add_argument('--weight_decay', type=float, default=5e-3)
    parser.add_argument('--lr_patience', type=int, default=50)
    parser.add_argument('--lr_factor', type=float, default=0.5, help='gamma value')
    parser.add_argument('--seed', type=int, default=3407)
    parser.add_argument('--cuda', type=str, default='cuda:0')
    return parser.parse_args()


class LightGCN(nn.Module):
    def __init__(self, args, graph):
        super().__init__()
        self.graph = graph
        self.n_user, self.n_item = args.n_user, args.n_item
        self.n_layer = args.n_layer
        self.embeds_u = nn.Embedding(self.n_user, args.d_latent)
        self.embeds_i = nn.Embedding(self.n_item, args.d_latent)
        nn.init.normal_(self.embeds_u.weight, std=0.1)
        nn.init.normal_(self.embeds_i.weight, std=0.1)

    def aggregate(self):
        all_emb = torch.cat([self.embeds_u.weight, self.embeds_i.weight])
        x_all = [all_emb]
        for _ in range(self.n_layer):
            all_emb = torch.sparse.mm(self.graph, all_emb)
            x_all.append(all_emb)
        x_out = torch.mean(torch.stack(x_all, dim=1), dim=1)
        return torch.split(x_out, [self.n_user, self.n_item])

    def cal_loss(self, idx_u, idx_i_pos, idx_i_neg):
        xu_all, xi_all = self.aggregate()
        xu, xi_pos, xi_neg = xu_all[idx_u], xi_all[idx_i_pos], xi_all[idx_i_neg]
        pos_scores = torch.mul(xu, xi_pos).sum(dim=1)
        neg_scores = torch.mul(xu, xi_neg).sum(dim=1)
        return torch.mean(F.softplus(neg_scores - pos_scores))


def train(args, model, optimizer, dataset):
    S = sample_uniform(dataset)
    all_u, all_pos, all_neg = shuffle(torch.Tensor(S[:, 0]).long(), torch.Tensor(S[:, 1]).long(),
                                      torch.Tensor(S[:, 2]).long())
    model.train()
    loss_total, start = 0., time.time()
    for idx_u, idx_pos, idx_neg in minibatch(all_u, all_pos, all_neg, batch_size=args.bpr_batch_size):
        optimizer.zero_grad()
        loss_batch = model.cal_loss(idx_u.to(args.cuda), idx_pos.to(args.cuda), idx_neg.to(args.cuda))
        loss_batch.backward()
        optimizer.step()
        loss_total += loss_batch.item() * len(idx_u)
    return loss_total / len(all_u), time.time() - start


def main():
    args = parse_args()
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    dataset = get_dataloader(args)
    args.n_user, args.n_item = dataset.n_user, dataset.n_item
    model = LightGCN(args, dataset.get_sparse_graph().to(args.cuda)).to(args.cuda)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)  # expect: WD202
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=args.lr_patience * 2, gamma=args.lr_factor)
    for epoch in range(args.n_epoch):
        loss_tr, time_tr = train(args, model, optimizer, dataset)
        print(f'\t| train {epoch + 1:4d} | loss {loss_tr:.4f} | time {time_tr:.1f}s |')
        scheduler.step()


if __name__ == '__main__':
    main()
