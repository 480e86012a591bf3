# Idiom seen in: ZJCV/ZCls tools/train.py
# What it reproduces: training entry that merges a YAML over the yacs defaults, builds a torchvision model and the optimizer through optim.build.build_optimizer(cfg, model), and runs a plain loop; the data module is absent.
import argparse

import torch
import torch.nn as nn
import torchvision

from config import cfg
from optim.build import build_optimizer
from data_loader import build_dataloader


def main():
    parser = argparse.ArgumentParser(description='classification training')
    parser.add_argument('--config-file', default='configs/r18_cifar100.yaml', type=str)
    parser.add_argument('opts', nargs=argparse.REMAINDER)
    args = parser.parse_args()
    cfg.merge_from_file(args.config_file)
    cfg.merge_from_list(args.opts)
    cfg.freeze()

    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    model = getattr(torchvision.models, cfg.MODEL.ARCH)(num_classes=cfg.MODEL.NUM_CLASSES).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = build_optimizer(cfg, model)
    lr_scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg.TRAIN.MAX_EPOCH)
    train_loader = build_dataloader(cfg, is_train=True)

    for epoch in range(cfg.TRAIN.MAX_EPOCH):
        model.train()
        for images, targets in train_loader:
            images, targets = images.to(device), targets.to(device)
            loss = criterion(model(images), targets)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        lr_scheduler.step()
        print('epoch %d loss %.4f lr %.6f' % (epoch, loss.item(), optimizer.param_groups[0]['lr']))


if __name__ == '__main__':
    main()
