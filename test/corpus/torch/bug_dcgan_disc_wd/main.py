# Idiom seen in: murumura/DCGAN-pytorch dcgan/main.py
# What it reproduces: the argparse entry point that overwrites `params` and runs the Trainer.
import argparse

from dcgan import config_params, init, params
from train import Trainer


def run(args):
    config_params(args)
    init()
    if args.train:
        gan_trainer = Trainer(params)
        gan_trainer.train(params)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument('--train', action='store_true')
    p.add_argument('--image_channel', type=int, default=1)
    p.add_argument('--batch_size', type=int, default=128)
    p.add_argument('--data_path', type=str, default='../Data/mnist')
    p.add_argument('--dataset', type=str, default='mnist')
    p.add_argument('--output_path', type=str, default='output/mnist')
    args = p.parse_args()
    run(args)
