# Idiom seen in: open-mmlab/mmdetection configs/yolox/yolox_s_8x8_300e_coco.py (a config run by tools/train.py; the
#   runner is reduced here to a plain loop)
# What it reproduces: load the Python config as a module namespace, build the detector from the config dict through
#   a registry in a package this folder lacks, build the optimizer with the paramwise constructor, train.
# label-note: clean (see optim_constructor.py and the config).
import argparse
import runpy

import torch

from mmdet_lite.registry import MODELS, DATASETS
from optim_constructor import DefaultOptimWrapperConstructor


def main():
    parser = argparse.ArgumentParser(description='Train a detector')
    parser.add_argument('config', help='train config file path')
    args = parser.parse_args()
    cfg = runpy.run_path(args.config)
    model = MODELS.build(cfg['model']).cuda()
    optimizer = DefaultOptimWrapperConstructor(cfg['optim_wrapper'])(model)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg['max_epochs'] - cfg['num_last_epochs'],
                                                           eta_min=cfg['base_lr'] * 0.05)
    loader = DATASETS.build_loader(cfg['train_dataloader'])
    for epoch in range(cfg['max_epochs']):
        model.train()
        for data_batch in loader:
            losses = model(**data_batch, mode='loss')
            loss = sum(v for k, v in losses.items() if 'loss' in k)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        if epoch < cfg['max_epochs'] - cfg['num_last_epochs']:
            scheduler.step()


if __name__ == '__main__':
    main()
