# Idiom seen in: aaronwalsman/ltron-torch ltron_torch/train/optimizer.py
# What it reproduces: careful minGPT-style decay/no-decay grouping (biases and LayerNorm/Embedding out of
#   decay) handed to torch.optim.Adam instead of AdamW, so the 0.1 decay is coupled L2 rescaled by Adam.
# label-note: WD202 on the decayed group's weight_decay entry (the decay value the Adam call receives).
#   No WD203: biases, LayerNorm and Embedding weights are all in the 0.0 group.
import torch
from torch.nn import Embedding, LayerNorm, Linear


def build_optimizer(model, hparams):
    decay, no_decay = [], []
    for module_name, module in model.named_modules():
        for param_name, param in module.named_parameters(recurse=False):
            if param_name.endswith("bias"):
                no_decay.append(param)
            elif param_name.endswith("weight") and isinstance(module, Linear):
                decay.append(param)
            elif param_name.endswith("weight") and isinstance(module, (LayerNorm, Embedding)):
                no_decay.append(param)
            else:
                raise ValueError("unexpected parameter %s.%s" % (module_name, param_name))

    groups = [
        {"params": decay, "weight_decay": hparams.weight_decay},  # expect: WD202
        {"params": no_decay, "weight_decay": 0.0},
    ]
    optimizer = torch.optim.Adam(groups, lr=hparams.learning_rate, betas=(0.9, 0.95))
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=hparams.learning_rate, total_steps=hparams.max_steps, pct_start=0.05)
    return {"optimizer": optimizer, "lr_scheduler": {"scheduler": scheduler, "interval": "step"}}
