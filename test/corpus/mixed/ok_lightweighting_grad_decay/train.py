# Idiom seen in: sseung0703/Lightweighting_Cookbook train.py
# What it reproduces: argparse driver: ResNet from nets, CIFAR loader module, piecewise-cosine lr and
#   weight_decay=5e-4 handed to op_utils.create_train_step. Clean.
import argparse

import jax
import optax

import op_utils
from dataloader import CIFAR
from nets import ResNet

parser = argparse.ArgumentParser(description="")
parser.add_argument("--arch", default="ResNet-56", type=str)
parser.add_argument("--dataset", default="CIFAR10", type=str)
parser.add_argument("--learning_rate", default=1e-1, type=float)
parser.add_argument("--weight_decay", default=5e-4, type=float)
parser.add_argument("--batch_size", default=128, type=int)
parser.add_argument("--train_epoch", default=200, type=int)
args = parser.parse_args()

if __name__ == "__main__":
    datasets = CIFAR.build_dataset_providers(args)
    model = ResNet.Model(num_layers=56, num_classes=datasets["num_classes"])
    steps = datasets["train"].steps_per_epoch
    lr_fn = optax.cosine_decay_schedule(args.learning_rate, args.train_epoch * steps)
    state = op_utils.create_train_state(jax.random.PRNGKey(0), model, datasets["input_size"], lr_fn)
    train_step = op_utils.create_train_step(args.weight_decay)
    for epoch in range(args.train_epoch):
        for batch in datasets["train"]:
            state, metrics = train_step(state, batch)
        print(epoch, metrics)
