# Idiom seen in: chemprop/chemprop chemprop/utils.py
# What it reproduces: build_optimizer puts all parameters in one group with weight_decay 0 and builds Adam on it;
# the Noam-style warmup scheduler drives the lr. No decay anywhere.
import torch.nn as nn
from torch.optim import Adam, Optimizer

from nn_utils import NoamLR


def build_optimizer(model: nn.Module, args) -> Optimizer:
    params = [{"params": model.parameters(), "lr": args.init_lr, "weight_decay": 0}]
    return Adam(params)


def build_lr_scheduler(optimizer: Optimizer, args, total_epochs=None):
    return NoamLR(
        optimizer=optimizer,
        warmup_epochs=[args.warmup_epochs],
        total_epochs=total_epochs or [args.epochs] * args.num_lrs,
        steps_per_epoch=args.train_data_size // args.batch_size,
        init_lr=[args.init_lr],
        max_lr=[args.max_lr],
        final_lr=[args.final_lr],
    )
