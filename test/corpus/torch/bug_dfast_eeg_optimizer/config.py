# Idiom seen in: AdFiFi/D-FaST config.py
# What it reproduces: argparse groups for an EEG benchmark; the optimizer group defaults to Adam with a
#   weight_decay of 1e-4 and an opt-in --no_weight_decay switch for the bias/BN split.
import argparse


def parse_args():
    parser = argparse.ArgumentParser(description="EEG decoding benchmark")
    data_group = parser.add_argument_group(title="data", description="")
    data_group.add_argument("--dataset", default="MNRED", type=str)
    data_group.add_argument("--data_dir", default="../data/MNRED/MNRED.npy", type=str)
    data_group.add_argument("--batch_size", default=16, type=int)
    data_group.add_argument("--frequency", default=64, type=int)

    model_group = parser.add_argument_group(title="model", description="")
    model_group.add_argument("--model", default="EEGNet", type=str)
    model_group.add_argument("--num_kernels", default=64, type=int)
    model_group.add_argument("--dropout", default=0.5, type=float)

    train_group = parser.add_argument_group(title="train", description="")
    train_group.add_argument("--num_epochs", default=200, type=int)
    train_group.add_argument("--do_parallel", action="store_true")
    train_group.add_argument("--device", default="cuda", type=str)

    optimizer_group = parser.add_argument_group(title="optimizer", description="")
    optimizer_group.add_argument("--optimizer", default='Adam', type=str)
    optimizer_group.add_argument("--learning_rate", default=1e-4, type=float)
    optimizer_group.add_argument("--momentum", default=0.9, type=float)
    optimizer_group.add_argument("--nesterov", action="store_true")
    optimizer_group.add_argument("--schedule", default='cos', type=str)
    optimizer_group.add_argument("--warmup_steps", default=400, type=int)
    optimizer_group.add_argument("--weight_decay", default=1e-4, type=float)
    optimizer_group.add_argument("--no_weight_decay", action="store_true")
    optimizer_group.add_argument("--match_rule", default=None, type=str)
    optimizer_group.add_argument("--except_rule", default=None, type=str)
    return parser.parse_args()
