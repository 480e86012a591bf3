# Idiom seen in: wsn/Leaves main.py (argparse --options JSON path, parse_opt from an options module, create_solver, train/test switch)
# What it reproduces: the entry point; options come from a JSON file read by a module the folder lacks. No decay logic here; the bug (WD103) is labelled in solver.py.
import argparse

import numpy as np
import tensorflow as tf

from options import parse_opt  # not in this folder
from solver import Solver


def main():
    tf.random.set_seed(1)
    np.random.seed(1)

    parser = argparse.ArgumentParser()
    parser.add_argument('--options', type=str, required=True,
                        help='Path to the option JSON file.')
    args = parser.parse_args()
    opt = parse_opt(args.options)

    solver = Solver(opt)
    if opt['mode'] == 'train':
        solver.train()
    else:
        raise NotImplementedError('Unsupported usage: %s' % opt['mode'])


if __name__ == '__main__':
    main()
