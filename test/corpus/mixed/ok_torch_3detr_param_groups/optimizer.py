# Idiom seen in: facebookresearch/3detr optimizer.py (build_optimizer(args, model): params with len(shape)==1 or names ending in 'bias' go to a weight_decay=0.0 group, the rest get args.weight_decay, torch.optim.AdamW(param_groups, lr=args.base_lr))
# What it reproduces: the same factory with the bias/norm filter made unconditional (3detr gates it behind --filter_biases_wd, default off). Decoupled AdamW, decay only on matrices. Clean.
import torch


def build_optimizer(args, model):
    params_with_decay = []
    params_without_decay = []
    for name, param in model.named_parameters():
        if param.requires_grad is False:
            continue
        if len(param.shape) == 1 or name.endswith("bias"):
            params_without_decay.append(param)
        else:
            params_with_decay.append(param)

    param_groups = [
        {"params": params_without_decay, "weight_decay": 0.0},
        {"params": params_with_decay, "weight_decay": args.weight_decay},
    ]
    optimizer = torch.optim.AdamW(param_groups, lr=args.base_lr)
    return optimizer
