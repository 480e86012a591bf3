# Idiom seen in: NeurAI-Lab/MMC od/solver/sgd_optimizer.py
# What it reproduces: clean variant of the SSD solver registry: SGD_optimizer(cfg, model) walks the modules
#   and puts normalization weights/biases and every bias in a weight_decay=0 group, so only conv/linear
#   kernels get cfg.SOLVER.WEIGHT_DECAY (5e-4, lr 1e-3, momentum 0.9).
import argparse

import torch
import torch.nn as nn
from yacs.config import CfgNode as CN

from od.data.build import make_data_loader
from od.modeling.detector import build_detection_model
from od.solver import registry

_C = CN()
_C.SOLVER = CN()
_C.SOLVER.BASE_LR = 1e-3
_C.SOLVER.MOMENTUM = 0.9
_C.SOLVER.WEIGHT_DECAY = 5e-4
_C.SOLVER.MAX_ITER = 120000
cfg = _C

NORM_TYPES = (nn.BatchNorm1d, nn.BatchNorm2d, nn.SyncBatchNorm, nn.GroupNorm, nn.LayerNorm)


@registry.SOLVERS.register('SGD_optimizer')
def SGD_optimizer(cfg, model, lr=None):
    lr = cfg.SOLVER.BASE_LR if lr is None else lr
    decay, no_decay, memo = [], [], set()
    for module in model.modules():
        for key, value in module.named_parameters(recurse=False):
            if not value.requires_grad or value in memo:
                continue
            memo.add(value)
            if isinstance(module, NORM_TYPES) or key == 'bias':
                no_decay.append(value)
            else:
                decay.append(value)
    params = [{'params': decay, 'weight_decay': cfg.SOLVER.WEIGHT_DECAY},
              {'params': no_decay, 'weight_decay': 0.0}]
    return torch.optim.SGD(params, lr=lr, momentum=cfg.SOLVER.MOMENTUM)


def main():
    parser = argparse.ArgumentParser(description='SSD Training With PyTorch')
    parser.add_argument('--config-file', default='', type=str)
    args = parser.parse_args()
    if args.config_file:
        cfg.merge_from_file(args.config_file)
    model = build_detection_model(cfg).cuda()
    optimizer = SGD_optimizer(cfg, model)
    for iteration, (images, targets, _) in enumerate(make_data_loader(cfg, is_train=True)):
        loss_dict = model(images.cuda(), targets=targets)
        loss = sum(loss for loss in loss_dict.values())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if iteration >= cfg.SOLVER.MAX_ITER:
            break


if __name__ == '__main__':
    main()
