# Idiom seen in: lulujianjie/person-reid-tiny-baseline train.py
# What it reproduces: the training entry point wiring Config() into make_model / make_loss /
#   make_optimizer; the Baseline model (ResNet-50 with a BatchNorm1d neck) comes from the model package.
import os

import torch

from default import Config
from make_optimizer import make_optimizer
from datasets import make_dataloader
from model import make_model
from loss import make_loss
from solver import WarmupMultiStepLR
from processor import do_train

if __name__ == '__main__':
    Cfg = Config()
    os.makedirs(Cfg.OUTPUT_DIR, exist_ok=True)
    train_loader, val_loader, num_query, num_classes = make_dataloader(Cfg)
    model = make_model(Cfg, num_class=num_classes)
    loss_func, center_criterion = make_loss(Cfg, num_classes=num_classes)
    optimizer, optimizer_center = make_optimizer(Cfg, model, center_criterion)
    scheduler = WarmupMultiStepLR(optimizer, Cfg.STEPS, Cfg.GAMMA, 0.01, 10, 'linear')
    do_train(Cfg, model, center_criterion, train_loader, val_loader, optimizer,
             optimizer_center, scheduler, loss_func, num_query)
