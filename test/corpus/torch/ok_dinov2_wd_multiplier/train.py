# Idiom seen in: facebookresearch/dinov2 dinov2/train/train.py
# Idiom seen in: facebookresearch/dinov2 dinov2/utils/param_groups.py
# What it reproduces: DINOv2's training loop: AdamW over the fused groups, cosine schedules for lr and
#   weight decay (0.04 -> 0.2), and apply_optim_scheduler() setting each group's weight_decay to
#   wd * wd_multiplier every iteration, so biases, norms and gammas never decay. Clean.
import math
from functools import partial

import numpy as np
import torch

from param_groups import get_params_groups_with_decay, fuse_params_groups
from dinov2.train.ssl_meta_arch import SSLMetaArch
from dinov2.data import make_data_loader, make_dataset, DataAugmentationDINO

cfg = {
    'optim': {'epochs': 100, 'weight_decay': 0.04, 'weight_decay_end': 0.2, 'lr': 0.004, 'min_lr': 1.0e-06,
              'warmup_epochs': 10, 'clip_grad': 3.0, 'layerwise_decay': 0.9, 'patch_embed_lr_mult': 0.2,
              'adamw_beta1': 0.9, 'adamw_beta2': 0.999, 'freeze_last_layer_epochs': 1},
    'train': {'OFFICIAL_EPOCH_LENGTH': 1250, 'batch_size_per_gpu': 64, 'dataset_path': 'ImageNet:split=TRAIN'},
}


class CosineScheduler(object):
    def __init__(self, base_value, final_value, total_iters, warmup_iters=0, start_warmup_value=0):
        self.final_value = final_value
        self.total_iters = total_iters
        warmup_schedule = np.linspace(start_warmup_value, base_value, warmup_iters)
        iters = np.arange(total_iters - warmup_iters)
        schedule = final_value + 0.5 * (base_value - final_value) * (1 + np.cos(np.pi * iters / len(iters)))
        self.schedule = np.concatenate((warmup_schedule, schedule))

    def __getitem__(self, it):
        return self.final_value if it >= self.total_iters else self.schedule[it]


def build_optimizer(cfg, params_groups):
    return torch.optim.AdamW(params_groups, betas=(cfg['optim']['adamw_beta1'], cfg['optim']['adamw_beta2']))


def apply_optim_scheduler(optimizer, lr, wd, last_layer_lr):
    for param_group in optimizer.param_groups:
        is_last_layer = param_group["is_last_layer"]
        lr_multiplier = param_group["lr_multiplier"]
        wd_multiplier = param_group["wd_multiplier"]
        param_group["weight_decay"] = wd * wd_multiplier
        param_group["lr"] = (last_layer_lr if is_last_layer else lr) * lr_multiplier


def do_train(cfg, model):
    model.train()
    student_groups = []
    for m in model.student.values():
        student_groups += get_params_groups_with_decay(m, lr_decay_rate=cfg['optim']['layerwise_decay'],
                                                       patch_embed_lr_mult=cfg['optim']['patch_embed_lr_mult'])
    optimizer = build_optimizer(cfg, fuse_params_groups(student_groups))

    epoch_len = cfg['train']['OFFICIAL_EPOCH_LENGTH']
    total = cfg['optim']['epochs'] * epoch_len
    lr_schedule = CosineScheduler(cfg['optim']['lr'], cfg['optim']['min_lr'], total,
                                  warmup_iters=cfg['optim']['warmup_epochs'] * epoch_len)
    wd_schedule = CosineScheduler(cfg['optim']['weight_decay'], cfg['optim']['weight_decay_end'], total)
    momentum_schedule = CosineScheduler(0.992, 1.0, total)
    last_layer_lr_schedule = CosineScheduler(cfg['optim']['lr'], cfg['optim']['min_lr'], total,
                                             warmup_iters=cfg['optim']['warmup_epochs'] * epoch_len)
    last_layer_lr_schedule.schedule[: cfg['optim']['freeze_last_layer_epochs'] * epoch_len] = 0

    dataset = make_dataset(dataset_str=cfg['train']['dataset_path'], transform=DataAugmentationDINO((0.32, 1.0), (0.05, 0.32), 8))
    data_loader = make_data_loader(dataset=dataset, batch_size=cfg['train']['batch_size_per_gpu'], shuffle=True)

    fp16_scaler = model.fp16_scaler
    for iteration, data in enumerate(data_loader):
        if iteration >= total:
            return
        apply_optim_scheduler(optimizer, lr_schedule[iteration], wd_schedule[iteration], last_layer_lr_schedule[iteration])
        optimizer.zero_grad(set_to_none=True)
        loss_dict = model.forward_backward(data, teacher_temp=0.07)
        if fp16_scaler is not None:
            fp16_scaler.unscale_(optimizer)
            for v in model.student.values():
                v.clip_grad_norm_(cfg['optim']['clip_grad'])
            fp16_scaler.step(optimizer)
            fp16_scaler.update()
        else:
            optimizer.step()
        model.update_teacher(momentum_schedule[iteration])


if __name__ == "__main__":
    model = SSLMetaArch(cfg).to(torch.device("cuda"))
    do_train(cfg, model)
