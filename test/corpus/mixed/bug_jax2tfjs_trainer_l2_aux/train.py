# Idiom seen in: devcomfort/jax-to-tfjs-demo src/jax_to_tfjs/train/__main__.py
# What it reproduces: the CLI entry that trains the JAX CNN with the trainer above before the TF.js export.
import argparse

import jax

from jax_to_tfjs.train.data_loader import load_mnist
from jax_to_tfjs.convert_to_tfjs import convert_params
from cnn_model import CNNModel
from jax_trainer import JAXTrainer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--weight-decay", type=float, default=5e-4)
    args = parser.parse_args()

    model = CNNModel(jax.random.PRNGKey(42))
    trainer = JAXTrainer(model, learning_rate=args.lr, weight_decay=args.weight_decay)
    params = trainer.train(load_mnist(batch_size=32, split="train"), num_epochs=args.epochs)
    convert_params(params, "web/model")


if __name__ == "__main__":
    main()
