# Idiom seen in: biandh/KDDCup2021_WikiKG90M_OhMyGod examples/lsc/wikikg90m/dgl-ke-ogb-lsc/python/dglke/train_transE_shallow.sh
# Idiom seen in: biandh/KDDCup2021_WikiKG90M_OhMyGod examples/lsc/wikikg90m/dgl-ke-ogb-lsc/python/dglke/models/pytorch/tensor_models.py
# What it reproduces: dgl-ke style KE model with --regularization_coef; the Regularizer returns (reg, log) and
# the user refactor keeps only the log: the embedding penalty never joins the loss that is backpropagated.
import argparse

import torch as th

from models.general_models import KEModel
from dataloader import get_dataset, TrainDataset


def get_args():
    parser = argparse.ArgumentParser()
    parser.add_argument('--model_name', default='TransE_l2')
    parser.add_argument('--hidden_dim', type=int, default=1024)
    parser.add_argument('--gamma', type=float, default=10.0)
    parser.add_argument('--lr', type=float, default=0.1)
    parser.add_argument('--regularization_coef', type=float, default=1e-9)
    parser.add_argument('--regularization_norm', type=int, default=2)
    parser.add_argument('--batch_size', type=int, default=2000)
    parser.add_argument('--neg_sample_size', type=int, default=2000)
    parser.add_argument('--max_step', type=int, default=1000000)
    parser.add_argument('--log_interval', type=int, default=1000)
    parser.add_argument('--data_path', default='kdd_2021')
    return parser.parse_args()


def main():
    args = get_args()
    dataset = get_dataset(args.data_path, 'wikikg90m')
    train_data = TrainDataset(dataset, args)
    model = KEModel(args, dataset.n_entities, dataset.n_relations, args.hidden_dim, args.gamma)
    optimizer = th.optim.Adagrad(model.parameters(), lr=args.lr)
    sampler = train_data.create_sampler(args.batch_size, args.neg_sample_size)
    for step in range(args.max_step):
        pos_h, pos_r, pos_t, neg_t = next(sampler)
        loss, log = model(pos_h, pos_r, pos_t, neg_t)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (step + 1) % args.log_interval == 0:
            print(step + 1, {k: round(v, 6) for k, v in log.items()})


if __name__ == '__main__':
    main()
