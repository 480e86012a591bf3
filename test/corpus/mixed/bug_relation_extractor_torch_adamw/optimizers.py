# Idiom seen in: allenai/drug-combo-extraction optimizers.py
# What it reproduces: the repo's default optimizer_strategy simple_adamw, after the deprecated
#   transformers.AdamW (weight_decay default 0.0) was swapped for torch.optim.AdamW (default 0.01) and the
#   removed correct_bias kwarg dropped: every BERT bias and LayerNorm parameter is now decayed (WD203).
#   Realistic migration mistake; the real file decays nothing in this strategy.
from torch.optim import AdamW
from transformers import get_linear_schedule_with_warmup


def simple_adamw(named_parameters, lr, correct_bias, num_train_optimization_steps=None, warmup_proportion=None):
    parameters = [p for n, p in named_parameters]
    return AdamW(parameters, lr=lr)  # expect: WD203


def adamw_with_constant_lr(named_parameters, lr, correct_bias, num_train_optimization_steps, warmup_proportion):
    optimizer = simple_adamw(named_parameters, lr, correct_bias)
    scheduler = get_linear_schedule_with_warmup(optimizer, 0, num_train_optimization_steps)
    return {'optimizer': optimizer, 'lr_scheduler': scheduler}
