# Idiom seen in: facebookresearch/multimodal examples/albef/utils.py
# Idiom seen in: facebookresearch/multimodal examples/albef/finetune_vqa.py
# What it reproduces: add_weight_decay(model, weight_decay) helper that splits 1-D params and biases into a
# weight_decay=0 group, used to build torch AdamW for VQA fine-tuning with a YAML config and a cosine
# warm-restart schedule. Decoupled decay on weight matrices only: clean.
import json
import os

import torch
import torch.distributed as dist
from torch import nn


def add_weight_decay(model: nn.Module, weight_decay: float):
    decay = []
    no_decay = []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue  # frozen momentum-distillation copies
        if len(param.shape) == 1 or name.endswith(".bias"):
            no_decay.append(param)
        else:
            decay.append(param)
    return [
        {"params": no_decay, "weight_decay": 0.0},
        {"params": decay, "weight_decay": weight_decay},
    ]


def is_dist_avail_and_initialized():
    return dist.is_available() and dist.is_initialized()


def get_rank():
    return dist.get_rank() if is_dist_avail_and_initialized() else 0


def get_world_size():
    return dist.get_world_size() if is_dist_avail_and_initialized() else 1


def is_main_process():
    return get_rank() == 0


def save_result(result, directory, file_name):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "%s_rank%d.json" % (file_name, get_rank())), "w") as f:
        json.dump(result, f)
