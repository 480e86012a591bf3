# Idiom seen in: ajboyd2/vae_mpp vae_mpp/arguments.py
# What it reproduces: argparse groups whose defaults pick optimizer "adam" with weight_decay 0.01 ("L2 coefficient
#   for weight decay"); used by optim.get_optimizer.
import argparse


def training_args(parser):
    group = parser.add_argument_group("Training specification arguments.")
    group.add_argument("--train_epochs", type=int, default=40)
    group.add_argument("--train_data_path", type=str, default="./data/1_pp/training.pickle")
    group.add_argument("--batch_size", type=int, default=32)
    group.add_argument("--optimizer", type=str, default="adam", help="Type of optimization algorithm to use.")
    group.add_argument("--grad_clip", type=float, default=1.0)
    group.add_argument("--lr", type=float, default=0.0003, help="Learning rate.")
    group.add_argument("--weight_decay", type=float, default=0.01, help="L2 coefficient for weight decay.")
    group.add_argument("--warmup_pct", type=float, default=0.01)


def get_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1234321)
    parser.add_argument("--cuda", action="store_true")
    training_args(parser)
    return parser.parse_args()
