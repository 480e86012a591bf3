# Idiom seen in: TsingZ0/PFLlib system/main.py
# What it reproduces: argparse entry point that builds the global CNN and hands args (with
# -wd/--weight_decay) to every client; the decay itself is wired in clientbase.py.
import argparse

import torch

from clientavg import clientAVG
from models import FedAvgCNN


def run(args):
    args.model = FedAvgCNN(in_features=1, num_classes=args.num_classes, dim=1024).to(args.device)
    clients = [clientAVG(args, id=i, train_samples=0, test_samples=0) for i in range(args.num_clients)]
    for rnd in range(args.global_rounds):
        for client in clients:
            client.set_parameters(args.model)
            client.train()


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('-data', '--dataset', type=str, default='MNIST')
    parser.add_argument('-ncl', '--num_classes', type=int, default=10)
    parser.add_argument('-lbs', '--batch_size', type=int, default=10)
    parser.add_argument('-lr', '--local_learning_rate', type=float, default=0.005)
    parser.add_argument('-ld', '--learning_rate_decay_gamma', type=float, default=0.99)
    parser.add_argument('-wd', '--weight_decay', type=float, default=1e-4)
    parser.add_argument('-gr', '--global_rounds', type=int, default=2000)
    parser.add_argument('-ls', '--local_epochs', type=int, default=1)
    parser.add_argument('-nc', '--num_clients', type=int, default=20)
    parser.add_argument('-dev', '--device', type=str, default='cuda')
    args = parser.parse_args()
    args.device = torch.device(args.device if torch.cuda.is_available() else 'cpu')
    run(args)
