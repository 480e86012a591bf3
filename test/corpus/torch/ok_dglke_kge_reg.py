# Idiom seen in: biandh/KDDCup2021_WikiKG90M_OhMyGod examples/lsc/wikikg90m/dgl-ke-ogb-lsc/python/dglke/train_PairRE_shallow.sh
# What it reproduces: dgl-ke style training step where the embedding regularizer (coef * ||e||^2 on the
# batch's head/tail/relation rows) is added to the loss when coef > 0; Adagrad has no weight_decay. Clean.
import argparse

import torch as th
import torch.nn as nn
import torch.nn.functional as F

from dataloader import get_dataset, TrainDataset


class PairRE(nn.Module):
    def __init__(self, n_entities, n_relations, dim, gamma):
        super().__init__()
        self.gamma = gamma
        self.entity_emb = nn.Embedding(n_entities, dim)
        self.relation_emb = nn.Embedding(n_relations, 2 * dim)

    def forward(self, h, r, t):
        head, tail = self.entity_emb(h), self.entity_emb(t)
        rel_h, rel_t = th.chunk(self.relation_emb(r), 2, dim=-1)
        score = self.gamma - th.norm(F.normalize(head, dim=-1) * rel_h
                                     - F.normalize(tail, dim=-1) * rel_t, p=1, dim=-1)
        return score, (head, tail, rel_h, rel_t)


def train(args):
    dataset = get_dataset(args.data_path, 'wikikg90m')
    sampler = TrainDataset(dataset, args).create_sampler(args.batch_size, args.neg_sample_size)
    model = PairRE(dataset.n_entities, dataset.n_relations, args.hidden_dim, args.gamma)
    optimizer = th.optim.Adagrad(model.parameters(), lr=args.lr)
    for step in range(args.max_step):
        h, r, t, neg_t = next(sampler)
        pos_score, embs = model(h, r, t)
        neg_score, _ = model(h.unsqueeze(1).expand_as(neg_t), r.unsqueeze(1).expand_as(neg_t), neg_t)
        loss = -(F.logsigmoid(pos_score).mean() + F.logsigmoid(-neg_score).mean()) / 2
        if args.regularization_coef > 0.0:
            reg = args.regularization_coef * sum(e.norm(p=2) ** 2 for e in embs)
            loss = loss + reg
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--hidden_dim', type=int, default=200)
    parser.add_argument('--gamma', type=float, default=10.0)
    parser.add_argument('--lr', type=float, default=0.1)
    parser.add_argument('--regularization_coef', type=float, default=1e-6)
    parser.add_argument('--batch_size', type=int, default=2000)
    parser.add_argument('--neg_sample_size', type=int, default=2000)
    parser.add_argument('--max_step', type=int, default=1000000)
    parser.add_argument('--data_path', default='kdd_2021')
    train(parser.parse_args())
