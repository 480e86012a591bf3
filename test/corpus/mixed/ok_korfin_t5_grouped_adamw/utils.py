# Idiom seen in: guijinSON/KorFin_ASC src/utils.py
# Idiom seen in: guijinSON/KorFin_ASC src/train.py
# What it reproduces: T5 fine-tuning with a transformers AdamW over a named no-decay split; the split names T5 norms the way T5 spells
# them (layer_norm.weight, also matching final_layer_norm) and T5 has no biases, so only the matrices decay. Clean (the repo had 0.0 in both groups).
from transformers import AdamW


def get_optimizer_T5(model, lr=3e-4, weight_decay=0.01, no_decay=("bias", "layer_norm.weight")):
    optimizer_grouped_parameters = [
        {
            "params": [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],
            "weight_decay": weight_decay,
        },
        {
            "params": [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
            "weight_decay": 0.0,
        },
    ]
    optimizer = AdamW(optimizer_grouped_parameters, lr=lr, eps=1e-8)
    return optimizer
