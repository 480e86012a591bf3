# Idiom seen in: jamie-stephenson/jet utils/model/optimizers/adamw.py
# What it reproduces: a per-optimizer module exposing get_optimizer(model, args), here AdamW written with
# nanoGPT-style groups (tensors with dim >= 2 decayed, biases/LayerNorm/1-d at 0). Values come from a
# YAML config the workspace does not hold. Clean: decoupled decay, norms and biases excluded.
from torch.optim import AdamW


def get_optimizer(model, args):
    param_dict = {pn: p for pn, p in model.named_parameters() if p.requires_grad}
    decay_params = [p for n, p in param_dict.items() if p.dim() >= 2]
    nodecay_params = [p for n, p in param_dict.items() if p.dim() < 2]
    optim_groups = [
        {'params': decay_params, 'weight_decay': args.weight_decay},
        {'params': nodecay_params, 'weight_decay': 0.0},
    ]
    optimizer = AdamW(optim_groups, lr=args.lr, betas=(0.9, 0.95))
    return optimizer
