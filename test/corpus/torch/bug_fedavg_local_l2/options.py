# Idiom seen in: shaoxiongji/federated-learning utils/options.py
# What it reproduces: argparse options of a FedAvg simulation; the local optimizer decay (--wd) and a
# hand-written L2 coefficient (--l2) are both read by models/update.py (double decay there).
import argparse


def args_parser():
    parser = argparse.ArgumentParser()
    parser.add_argument('--epochs', type=int, default=50, help="rounds of training")
    parser.add_argument('--num_users', type=int, default=100)
    parser.add_argument('--frac', type=float, default=0.1)
    parser.add_argument('--local_ep', type=int, default=5)
    parser.add_argument('--local_bs', type=int, default=10)
    parser.add_argument('--lr', type=float, default=0.01)
    parser.add_argument('--momentum', type=float, default=0.5)
    parser.add_argument('--wd', type=float, default=1e-4, help="local SGD weight decay")
    parser.add_argument('--l2', type=float, default=5e-4, help="explicit L2 coefficient")
    parser.add_argument('--model', type=str, default='cnn')
    parser.add_argument('--dataset', type=str, default='mnist')
    parser.add_argument('--iid', action='store_true')
    parser.add_argument('--gpu', type=int, default=0)
    parser.add_argument('--verbose', action='store_true')
    return parser.parse_args()
