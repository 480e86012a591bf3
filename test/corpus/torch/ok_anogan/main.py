# Idiom seen in: llien30/AnoGAN trainer.py
# What it reproduces: entry point of the AnoGAN example; data from a loader module the workspace lacks. Clean.
import argparse

from dataset import make_mnist_anomaly_loader  # not in this workspace
from model import Discriminator, Generator
from trainer import train


def get_parameters():
    parser = argparse.ArgumentParser(description='AnoGAN on MNIST digits')
    parser.add_argument('--num_epochs', type=int, default=300)
    parser.add_argument('--batch_size', type=int, default=64)
    parser.add_argument('--z_dim', type=int, default=20)
    return parser.parse_args()


if __name__ == '__main__':
    args = get_parameters()
    G = Generator(z_dim=args.z_dim, image_size=64)
    D = Discriminator(image_size=64)
    loader = make_mnist_anomaly_loader(normal_digits=(7, 8), batch_size=args.batch_size)
    G, D = train(G, D, loader, num_epochs=args.num_epochs, z_dim=args.z_dim)
