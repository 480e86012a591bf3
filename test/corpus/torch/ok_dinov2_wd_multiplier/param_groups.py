# Idiom seen in: facebookresearch/dinov2 dinov2/utils/param_groups.py
# Idiom seen in: facebookresearch/dinov2 dinov2/train/train.py
# What it reproduces: DINOv2's per-parameter groups: layer-wise lr multipliers, and wd_multiplier 0.0 for
#   biases, norms and layer-scale gammas (1.0 for everything else); groups with equal multipliers fused.
from collections import defaultdict
import logging

logger = logging.getLogger("dinov2")


def get_vit_lr_decay_rate(name, lr_decay_rate=1.0, num_layers=12):
    layer_id = num_layers + 1
    if "pos_embed" in name or "patch_embed" in name or "mask_token" in name or "cls_token" in name:
        layer_id = 0
    elif "blocks." in name and "residual." not in name:
        layer_id = int(name[name.find("blocks."):].split(".")[1]) + 1
    return lr_decay_rate ** (num_layers + 1 - layer_id)


def get_params_groups_with_decay(model, lr_decay_rate=1.0, patch_embed_lr_mult=1.0):
    n_blocks = len(model.blocks) if hasattr(model, "blocks") else 0
    all_param_groups = []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        decay_rate = get_vit_lr_decay_rate(name, lr_decay_rate, num_layers=n_blocks)
        d = {"params": param, "is_last_layer": False, "lr_multiplier": decay_rate, "wd_multiplier": 1.0, "name": name}
        if "last_layer" in name:
            d.update({"is_last_layer": True})
        if name.endswith(".bias") or "norm" in name or "gamma" in name:
            d.update({"wd_multiplier": 0.0})
        if "patch_embed" in name:
            d.update({"lr_multiplier": d["lr_multiplier"] * patch_embed_lr_mult})
        all_param_groups.append(d)
        logger.info(f"""{name}: lr_multiplier: {d["lr_multiplier"]}, wd_multiplier: {d["wd_multiplier"]}""")
    return all_param_groups


def fuse_params_groups(all_params_groups, keys=("lr_multiplier", "wd_multiplier", "is_last_layer")):
    fused_params_groups = defaultdict(lambda: {"params": []})
    for d in all_params_groups:
        identifier = ""
        for k in keys:
            identifier += k + str(d[k]) + "_"
        for k in keys:
            fused_params_groups[identifier][k] = d[k]
        fused_params_groups[identifier]["params"].append(d["params"])
    return fused_params_groups.values()
