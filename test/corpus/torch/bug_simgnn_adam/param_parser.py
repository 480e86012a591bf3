# Idiom seen in: benedekrozemberczki/SimGNN src/simgnn.py
# Idiom seen in: benedekrozemberczki/SimGNN src/param_parser.py
# What it reproduces: SimGNNTrainer.fit builds Adam(model.parameters(), weight_decay=args.weight_decay) with the
#   argparse default 5*10**-4 (real repo): coupled L2 under Adam, and the Linear/GCN biases are decayed too.
"""Getting params from the command line."""

import argparse


def parameter_parser():
    parser = argparse.ArgumentParser(description="Run SimGNN.")
    parser.add_argument("--training-graphs", nargs="?", default="./dataset/train/")
    parser.add_argument("--testing-graphs", nargs="?", default="./dataset/test/")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--filters-1", type=int, default=128)
    parser.add_argument("--filters-2", type=int, default=64)
    parser.add_argument("--filters-3", type=int, default=32)
    parser.add_argument("--tensor-neurons", type=int, default=16)
    parser.add_argument("--bottle-neck-neurons", type=int, default=16)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--dropout", type=float, default=0.5)
    parser.add_argument("--learning-rate", type=float, default=0.001,
                        help="Learning rate. Default is 0.001.")
    parser.add_argument("--weight-decay", type=float, default=5*10**-4,
                        help="Adam weight decay. Default is 5*10^-4.")
    return parser.parse_args()
