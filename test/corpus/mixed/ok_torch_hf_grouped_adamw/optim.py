# Idiom seen in: riccardogibello/HLPD experiments/optim.py
# What it reproduces: get_optimizer(model, args, data_args) puts every parameter whose name contains bias / LayerNorm / layer_norm / ln into a weight_decay=0.0 group and the rest into a group with data_args.optim_weight_decay, then builds torch AdamW or transformers Adafactor from args.optim. Clean.
import math

import torch
from torch.optim.lr_scheduler import LambdaLR


def get_optimizer(model, args, data_args):
    no_decay = ["bias", "LayerNorm", "layernorm", "layer_norm", "ln"]
    optimizer_grouped_parameters = [
        {
            "params": [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],
            "weight_decay": data_args.optim_weight_decay,
        },
        {
            "params": [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
            "weight_decay": 0.0,
        },
    ]
    if args.optim == 'adamw_torch':
        optimizer = torch.optim.AdamW(optimizer_grouped_parameters, lr=args.learning_rate)
    elif args.optim == 'adafactor':
        from transformers import Adafactor
        optimizer = Adafactor(optimizer_grouped_parameters, lr=args.learning_rate,
                              relative_step=False, scale_parameter=False)
    else:
        raise NotImplementedError(args.optim)
    return optimizer


def get_lr_scheduler(optimizer, data_args):
    warmup = data_args.optim_warmup_steps
    total = data_args.optim_total_steps

    def lr_lambda(step):
        if step < warmup:
            return float(step) / float(max(1, warmup))
        progress = float(step - warmup) / float(max(1, total - warmup))
        return max(data_args.optim_final_cosine, 0.5 * (1.0 + math.cos(math.pi * progress)))

    return LambdaLR(optimizer, lr_lambda)
