# Idiom seen in: jwliao1209/TWLLM-Tutor lib/lib_mc/trainer.py
# Idiom seen in: jwliao1209/TWLLM-Tutor lib/optimizer.py
# What it reproduces: TWLLM-Tutor's get_optimizer: AdamW with a decayed group and a no_decay group for "bias",
#   "LayerNorm.weight" and "layer_norm.weight", decay from args.weight_decay; the trainer backpropagates the model
#   loss returned by train_step, with no hand-written penalty. Clean.
import torch
from torch.optim import Optimizer


def get_optimizer(
    model,
    optimizer_name: str = "adamw",
    lr: float = 3e-5,
    weight_decay: float = 0,
) -> Optimizer:

    no_decay = ["bias", "LayerNorm.weight", "layer_norm.weight"]
    optimizer_grouped_parames = [
        {
            "params": [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],
            "weight_decay": weight_decay,
        },
        {
            "params": [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
            "weight_decay": 0.0,
        },
    ]
    if optimizer_name == "adamw":
        return torch.optim.AdamW(optimizer_grouped_parames, lr=lr)
    raise ValueError(f"unknown optimizer {optimizer_name}")
