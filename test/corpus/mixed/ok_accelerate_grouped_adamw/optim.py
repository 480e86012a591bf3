# Idiom seen in: seilk/fullstack-deeplearning accelerate/example_acc.py
# What it reproduces: an accelerate loop (Accelerator.prepare + accelerator.backward) on a timm ViT whose AdamW
#   comes from a helper that splits parameters by ndim/name: weight matrices decay at 0.05, biases, norms and
#   position/cls tokens do not. Clean.
import torch.optim as optim


def get_optimizer(model, learning_rate=1e-4, weight_decay=0.05, skip=("pos_embed", "cls_token")):
    """AdamW for a transformer: no decay for biases, norm weights and learned tokens."""
    decay, no_decay = [], []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        if param.ndim <= 1 or name.endswith(".bias") or any(s in name for s in skip):
            no_decay.append(param)
        else:
            decay.append(param)
    optim_groups = [
        {"params": decay, "weight_decay": weight_decay},
        {"params": no_decay, "weight_decay": 0.0},
    ]
    return optim.AdamW(optim_groups, lr=learning_rate)
