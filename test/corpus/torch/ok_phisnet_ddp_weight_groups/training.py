# Idiom seen in: AIRI-Institute/nablaDFT nablaDFT/phisnet/training/parse_command_line_arguments.py
# Idiom seen in: AIRI-Institute/nablaDFT nablaDFT/phisnet/training/exponential_moving_average.py
# What it reproduces: the PhiSNet command line (optimizer adam|amsgrad|sgd, Lookahead k, EMA of parameters,
#   --weight_decay "regularization term for weights") and the EMA helper keyed by parameter name.
import argparse

import torch


def parse_command_line_arguments():
    parser = argparse.ArgumentParser(description="Train a PhiSNet model on nablaDFT.")
    args_training = parser.add_argument_group("training")
    args_training.add_argument("--optimizer", type=str, default="sgd", choices=["adam", "amsgrad", "sgd"])
    args_training.add_argument("--lookahead_k", type=int, default=5)
    args_training.add_argument("--learning_rate", type=float, default=1e-3)
    args_training.add_argument("--epsilon", type=float, default=1e-8)
    args_training.add_argument("--beta1", type=float, default=0.9)
    args_training.add_argument("--beta2", type=float, default=0.999)
    args_training.add_argument("--momentum", type=float, default=0.9)
    args_training.add_argument("--train_batch_size", type=int, default=32)
    args_training.add_argument("--max_epochs", type=int, default=1000)
    args_training.add_argument("--decay_factor", type=float, default=0.5)
    args_training.add_argument("--decay_patience", type=int, default=10)
    args_training.add_argument("--use_parameter_averaging", action="store_true")
    args_training.add_argument("--ema_decay", type=float, default=0.999)
    args_training.add_argument("--ema_start_epoch", type=int, default=0)
    args_training.add_argument("--weight_decay", type=float, default=0.0,
                               help="regularization term for weights")
    args_training.add_argument("--local_rank", type=int, default=0)
    return parser.parse_args()


class ExponentialMovingAverage:
    def __init__(self, model, decay=0.999, start_epoch=0):
        self.model = model
        self.decay = decay
        self.start_epoch = start_epoch
        self.ema = {name: param.detach().clone() for name, param in model.named_parameters()}

    def __call__(self, epoch):
        if epoch < self.start_epoch:
            return
        with torch.no_grad():
            for name, param in self.model.named_parameters():
                self.ema[name].mul_(self.decay).add_(param, alpha=1.0 - self.decay)
