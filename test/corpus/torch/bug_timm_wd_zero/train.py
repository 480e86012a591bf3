# Idiom seen in: rioyokotalab/pytorch-image-models train.py
# What it reproduces: the training script builds the model with timm.create_model and the optimizer
# with create_optimizer(model, cfg.OPT, cfg.LR, weight_decay=cfg.WEIGHT_DECAY) (0.0 in config.py).
import time

import timm
import torch
import torch.nn as nn

import config as cfg
from optim_factory import create_optimizer
from loader import create_loader

model = timm.create_model(cfg.MODEL, pretrained=False, num_classes=cfg.NUM_CLASSES)
model.cuda()
optimizer = create_optimizer(model, cfg.OPT, cfg.LR, weight_decay=cfg.WEIGHT_DECAY, momentum=cfg.MOMENTUM)
lr_scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg.EPOCHS)
train_loader = create_loader('imagenet100/train', batch_size=cfg.BATCH_SIZE, is_training=True)
loss_fn = nn.CrossEntropyLoss().cuda()

for epoch in range(cfg.EPOCHS):
    model.train()
    end = time.time()
    for batch_idx, (input, target) in enumerate(train_loader):
        input, target = input.cuda(), target.cuda()
        loss = loss_fn(model(input), target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    lr_scheduler.step()
    print('epoch {} loss {:.4f} time {:.1f}s'.format(epoch, loss.item(), time.time() - end))
