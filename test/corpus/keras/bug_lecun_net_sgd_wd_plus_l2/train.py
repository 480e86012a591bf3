# Idiom seen in: Hyperparticle/one-pixel-attack-keras train.py
# What it reproduces: the repository's training entry point, picking a network class by name and
#   calling its train().
import argparse

from lecun_net import LecunNet

if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='Train models.')
    parser.add_argument('--model', default='lecun_net', choices=['lecun_net'])
    args = parser.parse_args()
    models = {'lecun_net': LecunNet}
    model = models[args.model]()
    model.train()
