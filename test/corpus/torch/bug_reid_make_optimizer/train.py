# Idiom seen in: michuanhaohao/reid-strong-baseline tools/train.py
# What it reproduces: the entry point: argparse `opts` merged into the yacs cfg, data from a package the
# folder lacks, the model from baseline.py, the optimizer and warm-up scheduler from solver.py.
# label-note: no findings here; see solver.py.
import argparse

import torch

from data import make_data_loader
from defaults import cfg
from baseline import build_model
from layers import make_loss
from solver import make_optimizer, WarmupMultiStepLR


def train(cfg):
    train_loader, val_loader, num_query, num_classes = make_data_loader(cfg)
    model = build_model(cfg, num_classes).to(cfg.MODEL.DEVICE)
    optimizer = make_optimizer(cfg, model)
    scheduler = WarmupMultiStepLR(optimizer, cfg.SOLVER.STEPS, cfg.SOLVER.GAMMA,
                                  cfg.SOLVER.WARMUP_FACTOR, cfg.SOLVER.WARMUP_ITERS)
    loss_func = make_loss(cfg, num_classes)

    for epoch in range(cfg.SOLVER.MAX_EPOCHS):
        model.train()
        for img, target in train_loader:
            img, target = img.to(cfg.MODEL.DEVICE), target.to(cfg.MODEL.DEVICE)
            score, feat = model(img)
            loss = loss_func(score, feat, target)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()


def main():
    parser = argparse.ArgumentParser(description="ReID Baseline Training")
    parser.add_argument("opts", default=None, nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if args.opts:
        cfg.merge_from_list(args.opts)
    cfg.freeze()
    torch.backends.cudnn.benchmark = True
    train(cfg)


if __name__ == '__main__':
    main()
