# Idiom seen in: facebookresearch/DomainBed domainbed/scripts/train.py
# Idiom seen in: facebookresearch/DomainBed domainbed/hparams_registry.py
# What it reproduces: the training script: default hparams for --hparams_seed 0, random ones for a sweep
#   (weight_decay drawn from 10**U(-6, -2)); the algorithm builds its Adam in its constructor.
import argparse
import random

import numpy as np
import torch

import algorithms
import hparams_registry
from lib.fast_data_loader import InfiniteDataLoader
import datasets

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description='Domain generalization')
    parser.add_argument('--data_dir', type=str)
    parser.add_argument('--dataset', type=str, default="PACS")
    parser.add_argument('--algorithm', type=str, default="ERM")
    parser.add_argument('--hparams_seed', type=int, default=0,
                        help='Seed for random hparams (0 means "default hparams")')
    parser.add_argument('--trial_seed', type=int, default=0)
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--steps', type=int, default=5001)
    parser.add_argument('--test_envs', type=int, nargs='+', default=[0])
    args = parser.parse_args()

    if args.hparams_seed == 0:
        hparams = hparams_registry.default_hparams(args.algorithm, args.dataset)
    else:
        hparams = hparams_registry.random_hparams(args.algorithm, args.dataset,
                                                  args.hparams_seed + args.trial_seed)

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    dataset = vars(datasets)[args.dataset](args.data_dir, args.test_envs, hparams)
    train_loaders = [InfiniteDataLoader(dataset=env, weights=None, batch_size=hparams['batch_size'],
                                        num_workers=dataset.N_WORKERS)
                     for i, env in enumerate(dataset) if i not in args.test_envs]

    algorithm_class = algorithms.get_algorithm_class(args.algorithm)
    algorithm = algorithm_class(dataset.input_shape, dataset.num_classes,
                                len(dataset) - len(args.test_envs), hparams)
    algorithm.to(device)

    train_minibatches_iterator = zip(*train_loaders)
    for step in range(args.steps):
        minibatches_device = [(x.to(device), y.to(device)) for x, y in next(train_minibatches_iterator)]
        step_vals = algorithm.update(minibatches_device)
        if step % 300 == 0:
            print(step, step_vals)
