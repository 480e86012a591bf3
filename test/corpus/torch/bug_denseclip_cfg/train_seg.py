# Idiom seen in: naamiinepal/tunevlseg denseclip_configs/_base_/schedules/schedule_40k.py
# What it reproduces: a hand-rolled runner that reads the schedule dict and builds the torch optimizer
#   by name over all of the DenseCLIP segmentor's parameters: BN/LN affines and biases are decayed.
import copy

import torch

import schedule_40k as schedule
from denseclip import build_segmentor
from seg_data import build_train_loader


def build_optimizer(model, cfg):
    cfg = copy.deepcopy(cfg)
    opt_type = cfg.pop("type")
    return getattr(torch.optim, opt_type)(model.parameters(), **cfg)  # expect: WD203


def poly_lr(base_lr, it, max_iters, power=0.9, min_lr=1e-4):
    return (base_lr - min_lr) * (1 - it / max_iters) ** power + min_lr


def main():
    model = build_segmentor("denseclip_r50", num_classes=150).cuda()
    optimizer = build_optimizer(model, schedule.optimizer)
    max_iters = schedule.runner["max_iters"]
    loader = build_train_loader("ade20k", batch_size=4)
    it = 0
    while it < max_iters:
        for img, seg in loader:
            for g in optimizer.param_groups:
                g["lr"] = poly_lr(schedule.optimizer["lr"], it, max_iters)
            losses = model(img.cuda(), seg.cuda())
            loss = sum(losses.values())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            it += 1
            if it % 50 == 0:
                print(it, loss.item())
            if it >= max_iters:
                break


if __name__ == "__main__":
    main()
