# Idiom seen in: GuanxingLu/ManiGaussian third_party/ODISE/configs/common/optim.py
# What it reproduces: the detectron2 lazy optimizer config with the class switched from AdamW to Adam
# (a user's change): norms and biases get 0, but the kernels' weight_decay=0.05 is coupled L2 under Adam.
from typing import Any, Dict, List, Set

import torch

from odise.modeling import build_model
from odise.data import build_detection_train_loader

NORM_TYPES = (torch.nn.BatchNorm2d, torch.nn.GroupNorm, torch.nn.LayerNorm)


def get_default_optimizer_params(model, weight_decay_norm=0.0, weight_decay_bias=0.0):
    params: List[Dict[str, Any]] = []
    memo: Set[torch.nn.parameter.Parameter] = set()
    for module in model.modules():
        for key, value in module.named_parameters(recurse=False):
            if not value.requires_grad or value in memo:
                continue
            memo.add(value)
            overrides = {}
            if isinstance(module, NORM_TYPES):
                overrides['weight_decay'] = weight_decay_norm
            elif key == 'bias':
                overrides['weight_decay'] = weight_decay_bias
            params.append({'params': [value], **overrides})
    return params


def build_optimizer(model, lr=1e-4):
    params = get_default_optimizer_params(model, weight_decay_norm=0.0, weight_decay_bias=0.0)
    return torch.optim.Adam(params, lr=lr, betas=(0.9, 0.999),
                            weight_decay=0.05)  # expect: WD202


def do_train(config_file, max_iter=90000):
    model = build_model(config_file).cuda()
    optimizer = build_optimizer(model)
    loader = build_detection_train_loader(config_file)
    for it, batched_inputs in enumerate(loader):
        loss_dict = model(batched_inputs)
        loss = sum(loss_dict.values())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if it >= max_iter:
            break


if __name__ == '__main__':
    do_train('configs/Panoptic/odise_label_coco_50e.py')
