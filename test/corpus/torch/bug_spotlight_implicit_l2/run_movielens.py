# Idiom seen in: maciejkula/spotlight examples/movielens_sequence/movielens_sequence.py
# Idiom seen in: maciejkula/spotlight spotlight/factorization/implicit.py
# What it reproduces: the example script passes l2=args.l2 (default 1e-6) into the factorization
# model, whose Adam then applies it as coupled L2 to every parameter (see implicit.py).
import argparse

import numpy as np

from datasets.movielens import get_movielens_dataset
from cross_validation import random_train_test_split
from evaluation import mrr_score
from implicit import ImplicitFactorizationModel


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--variant', default='100K')
    parser.add_argument('--loss', default='bpr')
    parser.add_argument('--embedding_dim', type=int, default=64)
    parser.add_argument('--n_iter', type=int, default=20)
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--l2', type=float, default=1e-6)
    parser.add_argument('--cuda', action='store_true')
    args = parser.parse_args()

    random_state = np.random.RandomState(42)
    dataset = get_movielens_dataset(variant=args.variant)
    train, test = random_train_test_split(dataset, random_state=random_state)

    model = ImplicitFactorizationModel(loss=args.loss,
                                       embedding_dim=args.embedding_dim,
                                       n_iter=args.n_iter,
                                       batch_size=1024,
                                       l2=args.l2,
                                       learning_rate=args.lr,
                                       use_cuda=args.cuda,
                                       random_state=random_state)
    model.fit(train, verbose=True)
    print('Test MRR {:.4f}'.format(mrr_score(model, test, train=train).mean()))


if __name__ == '__main__':
    main()
