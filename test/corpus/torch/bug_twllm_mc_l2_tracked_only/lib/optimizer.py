# Idiom seen in: jwliao1209/TWLLM-Tutor lib/lib_mc/trainer.py
# Idiom seen in: jwliao1209/TWLLM-Tutor lib/optimizer.py
# What it reproduces: TWLLM-Tutor's BaseTrainer backpropagates (loss / accum_grad_step) of what train_step returns.
#   Realistic mistake: MCTrainer.share_step adds an explicit L2 (args.l2_lambda; AdamW groups at weight_decay 0) to a
#   local loss that only feeds the tracker, and returns outputs.loss, so the penalty never reaches backward.
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
