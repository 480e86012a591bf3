# Idiom seen in: lin-honghui/tianchi_CountyAgriculturalBrain_top1 src/tools/train.py
# What it reproduces: the segmentation training entry point (farmland parcels, DeepLabv3+): config dict ->
#   dataloader, model, make_optimizer(cfg['optimizer'], model), scheduler, do_train. Clean: AdamW with a
#   proper no-decay group, and the engine back-propagates the segmentation loss only.
import copy
import os
import sys

import torch
import torch.nn as nn

sys.path.append('..')
from configs.deeplabv3plus_resnet50_StepLR_AdamW import config as cfg
from data.dataloader import make_dataloader
from engine import do_train
from model import build_model
from solver.optimizer import make_optimizer, wrapper_lr_scheduler


if __name__ == "__main__":
    cfg_copy = copy.deepcopy(cfg)
    train_dataloader = make_dataloader(cfg['train_pipeline'])

    os.makedirs(cfg['save_dir'], exist_ok=True)
    os.makedirs(cfg['log_dir'], exist_ok=True)

    model = build_model(cfg, pretrain_path=None)
    optimizer = make_optimizer(cfg['optimizer'], model)
    lr_scheduler = wrapper_lr_scheduler(cfg['lr_scheduler'], optimizer)

    model = nn.DataParallel(model.cuda())
    if cfg['enable_backends_cudnn_benchmark']:
        torch.backends.cudnn.benchmark = True

    do_train(cfg_copy, model=model, train_loader=train_dataloader, val_loader=None, optimizer=optimizer,
             scheduler=lr_scheduler, metrics=None, device=[0])
