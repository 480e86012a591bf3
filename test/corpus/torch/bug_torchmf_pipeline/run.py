# Idiom seen in: EthanRosenthal/torchmf run.py
# What it reproduces: the explicit-feedback example passes optimizer=torch.optim.Adam with weight_decay=0.1
#   into the pipeline: coupled L2 under Adam (WD202, reported at the pipeline's weight_decay keyword) on all
#   parameters including the bias embeddings (WD203). The implicit example uses SGD with weight_decay=0.
import argparse

import torch

from torchmf import BaseModule, BasePipeline
import utils


def explicit():
    train, test = utils.get_movielens_train_test_split()
    pipeline = BasePipeline(train, test=test, model=BaseModule,
                            n_factors=10, batch_size=1024, dropout_p=0.02,
                            lr=0.02, weight_decay=0.1,
                            optimizer=torch.optim.Adam, n_epochs=40,
                            verbose=True, random_seed=2017)
    pipeline.fit()


def implicit():
    train, test = utils.get_movielens_train_test_split(implicit=True)
    pipeline = BasePipeline(train, test=test, verbose=True, batch_size=1024,
                            n_factors=20, weight_decay=0, dropout_p=0., lr=.2, sparse=True,
                            optimizer=torch.optim.SGD, n_epochs=40, random_seed=2017)
    pipeline.fit()


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='torchmf')
    parser.add_argument('--example', help='explicit or implicit')
    args = parser.parse_args()
    if args.example == 'explicit':
        explicit()
    elif args.example == 'implicit':
        implicit()
    else:
        print('example must be explicit or implicit')
