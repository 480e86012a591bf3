# Idiom seen in: TheUnsolvedDev/TensorflowAI ComputerVision/GenerativeAdvesarialNetworks/2_DeepConvolutionalGAN/train_and_test.py
# What it reproduces: the entry point: argparse, MirroredStrategy, distributed dataset from the repo's
#   dataset module (not in this folder), then the GAN's own fit loop (finding in model.py).
import argparse

import tensorflow as tf

from config import *
from dataset import Dataset
from model import GAN


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--type', type=str, default='cifar10')
    a = p.parse_args()
    train_ds, _, ch = Dataset().load_data(a.type)
    strategy = tf.distribute.MirroredStrategy()
    train_ds = strategy.experimental_distribute_dataset(train_ds)
    model = GAN(strategy=strategy, input_shape=(IMAGE_SIZE[0], IMAGE_SIZE[1], ch),
                latent_dim=(LATENT_DIM,), batch_size=BATCH_SIZE)
    model.fit(train_ds, epochs=EPOCHS)


if __name__ == "__main__":
    main()
