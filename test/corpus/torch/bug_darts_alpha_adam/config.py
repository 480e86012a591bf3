# Idiom seen in: khanrc/pt.darts config.py
# What it reproduces: the SearchConfig holding w_weight_decay for the weights' SGD and alpha_weight_decay
#   (1e-3) for the architecture parameters' Adam, as pt.darts keeps them.
import argparse


class SearchConfig(argparse.Namespace):
    def build_parser(self):
        parser = argparse.ArgumentParser("Search config")
        parser.add_argument('--name', default='cifar10')
        parser.add_argument('--dataset', default='cifar10')
        parser.add_argument('--batch_size', type=int, default=64)
        parser.add_argument('--w_lr', type=float, default=0.025)
        parser.add_argument('--w_lr_min', type=float, default=0.001)
        parser.add_argument('--w_momentum', type=float, default=0.9)
        parser.add_argument('--w_weight_decay', type=float, default=3e-4)
        parser.add_argument('--w_grad_clip', type=float, default=5.)
        parser.add_argument('--epochs', type=int, default=50)
        parser.add_argument('--init_channels', type=int, default=16)
        parser.add_argument('--layers', type=int, default=8)
        parser.add_argument('--seed', type=int, default=2)
        parser.add_argument('--alpha_lr', type=float, default=3e-4)
        parser.add_argument('--alpha_weight_decay', type=float, default=1e-3)
        return parser

    def __init__(self):
        parser = self.build_parser()
        args = parser.parse_args()
        super().__init__(**vars(args))
