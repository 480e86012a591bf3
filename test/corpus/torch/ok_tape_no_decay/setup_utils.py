# Idiom seen in: songlab-cal/tape tape/utils/setup_utils.py
# Idiom seen in: songlab-cal/tape tape/optimization.py
# What it reproduces: setup_optimizer(): two groups from named_parameters, names containing 'bias',
#   'gamma', 'beta' or 'LayerNorm' at weight_decay 0.0, the rest at 0.01, given to the decoupled AdamW.
from optimization import AdamW


def setup_optimizer(model, learning_rate: float):
    param_optimizer = list(model.named_parameters())
    no_decay = ['bias', 'gamma', 'beta', 'LayerNorm']
    optimizer_grouped_parameters = [
        {
            "params": [
                p for n, p in param_optimizer if not any(nd in n for nd in no_decay)
            ],
            "weight_decay": 0.01,
        },
        {
            "params": [
                p for n, p in param_optimizer if any(nd in n for nd in no_decay)
            ],
            "weight_decay": 0.0,
        },
    ]
    optimizer = AdamW(optimizer_grouped_parameters, lr=learning_rate)
    return optimizer
