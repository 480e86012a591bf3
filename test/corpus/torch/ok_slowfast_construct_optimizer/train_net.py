# Idiom seen in: facebookresearch/SlowFast tools/train_net.py
# What it reproduces: the train loop built on construct_optimizer: the loss backpropagated is the
#   classification loss and decay comes only from the per-group weight_decay. Clean.
import math

import torch

from defaults import get_cfg
from optimizer import construct_optimizer, set_lr
from slowfast.models import build_model
from slowfast.datasets import loader


def get_lr_at_epoch(cfg, cur_epoch):
    if cur_epoch < cfg.SOLVER.WARMUP_EPOCHS:
        alpha = (cfg.SOLVER.BASE_LR - cfg.SOLVER.WARMUP_START_LR) / cfg.SOLVER.WARMUP_EPOCHS
        return cur_epoch * alpha + cfg.SOLVER.WARMUP_START_LR
    return cfg.SOLVER.BASE_LR * (math.cos(math.pi * cur_epoch / cfg.SOLVER.MAX_EPOCH) + 1.0) * 0.5


def train_epoch(train_loader, model, optimizer, cur_epoch, cfg):
    model.train()
    data_size = len(train_loader)
    loss_fun = torch.nn.CrossEntropyLoss(reduction="mean")
    for cur_iter, (inputs, labels, _, meta) in enumerate(train_loader):
        inputs = [x.cuda(non_blocking=True) for x in inputs]
        labels = labels.cuda()
        lr = get_lr_at_epoch(cfg, cur_epoch + float(cur_iter) / data_size)
        set_lr(optimizer, lr)
        preds = model(inputs)
        loss = loss_fun(preds, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def train(cfg):
    model = build_model(cfg)
    optimizer = construct_optimizer(model, cfg)
    train_loader = loader.construct_loader(cfg, "train")
    for cur_epoch in range(cfg.SOLVER.MAX_EPOCH):
        loader.shuffle_dataset(train_loader, cur_epoch)
        train_epoch(train_loader, model, optimizer, cur_epoch, cfg)


if __name__ == "__main__":
    train(get_cfg())
