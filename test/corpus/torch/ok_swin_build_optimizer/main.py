# Idiom seen in: microsoft/Swin-Transformer main.py (parse_option -> get_config -> build_model -> build_optimizer)
# What it reproduces: the training entry that takes the grouped optimizer from build_optimizer and
# backpropagates the plain criterion loss. Clean.
import argparse
import time

import torch
import torch.nn as nn

from config import get_config
from optimizer import build_optimizer
from models import build_model  # model zoo, not part of this folder
from data import build_loader  # ImageNet pipeline, not part of this folder
from lr_scheduler import build_scheduler  # not part of this folder


def parse_option():
    parser = argparse.ArgumentParser("Swin Transformer training", add_help=False)
    parser.add_argument("--cfg", type=str, metavar="FILE", help="path to config file")
    parser.add_argument("--opts", default=None, nargs="+", help="modify config options")
    parser.add_argument("--batch-size", type=int, help="batch size for single GPU")
    args, _ = parser.parse_known_args()
    return args, get_config(args)


def train_one_epoch(config, model, criterion, data_loader, optimizer, epoch, lr_scheduler):
    model.train()
    optimizer.zero_grad()
    num_steps = len(data_loader)
    start = time.time()
    for idx, (samples, targets) in enumerate(data_loader):
        samples = samples.cuda(non_blocking=True)
        targets = targets.cuda(non_blocking=True)
        outputs = model(samples)
        loss = criterion(outputs, targets)
        optimizer.zero_grad()
        loss.backward()
        if config.TRAIN.CLIP_GRAD:
            nn.utils.clip_grad_norm_(model.parameters(), config.TRAIN.CLIP_GRAD)
        optimizer.step()
        lr_scheduler.step_update(epoch * num_steps + idx)
        if idx % 100 == 0:
            lr = optimizer.param_groups[0]["lr"]
            print(f"Train: [{epoch}][{idx}/{num_steps}] lr {lr:.6f} loss {loss.item():.4f}")
    print(f"EPOCH {epoch} training takes {time.time() - start:.1f}s")


def main(config):
    data_loader_train = build_loader(config)
    model = build_model(config).cuda()
    optimizer = build_optimizer(config, model)
    lr_scheduler = build_scheduler(config, optimizer, len(data_loader_train))
    criterion = nn.CrossEntropyLoss()
    for epoch in range(config.TRAIN.EPOCHS):
        train_one_epoch(config, model, criterion, data_loader_train, optimizer, epoch, lr_scheduler)
        torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch},
                   f"ckpt_epoch_{epoch}.pth")


if __name__ == "__main__":
    _, config = parse_option()
    main(config)
