# Idiom seen in: ChenJiangxi/Urban-Green-Community-Segmentation configs/_base_/schedules/schedule_80k.py
# What it reproduces: an mmseg-style schedule dict (SGD, weight_decay=0.0005, paramwise_cfg commented out)
# splatted by a small builder onto model.parameters(): BN and bias parameters are decayed as well.
import argparse

import torch

from configs.schedule_80k import optimizer as optimizer_cfg, lr_config, runner
from builder import build_optimizer
from mmseg_lite.models import build_segmentor
from mmseg_lite.datasets import build_dataloader


def poly_lr(base_lr, it, max_iters, power, min_lr):
    return (base_lr - min_lr) * (1 - it / max_iters) ** power + min_lr


def main():
    parser = argparse.ArgumentParser(description='Train a segmentor')
    parser.add_argument('--work-dir', default='work_dirs/greenseg')
    parser.add_argument('--data-root', default='data/urban_green')
    args = parser.parse_args()

    model = build_segmentor('deeplabv3plus_r50', num_classes=2).cuda()
    loader = build_dataloader(args.data_root, samples_per_gpu=4)
    optimizer = build_optimizer(model, optimizer_cfg)

    it = 0
    while it < runner['max_iters']:
        for batch in loader:
            losses = model(batch['img'].cuda(), batch['gt_semantic_seg'].cuda())
            loss = sum(v for k, v in losses.items() if 'loss' in k)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            it += 1
            for g in optimizer.param_groups:
                g['lr'] = poly_lr(optimizer_cfg['lr'], it, runner['max_iters'],
                                  lr_config['power'], lr_config['min_lr'])
            if it >= runner['max_iters']:
                break


if __name__ == '__main__':
    main()
