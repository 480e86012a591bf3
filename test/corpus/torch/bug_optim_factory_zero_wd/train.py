# Idiom seen in: wenjtop/image_classification classfication/optimizer/optim_factory.py
# What it reproduces: a timm-style create_optimizer() whose no-bias-decay groups are built only
# "if weight_decay and filter_bias_and_bn"; every call passes cfg.WEIGHT_DECAY = 0.0 (or 0.0
# literally), so the decay machinery is dead code and nothing is regularized.
import torch
import torch.nn as nn
import torchvision

import config as cfg
from optim_factory import create_optimizer
from datasets import build_loader


def main():
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    model = torchvision.models.resnet50(num_classes=cfg.NUM_CLASSES).to(device)
    optimizer = create_optimizer(model, 'sgd', cfg.LR, weight_decay=cfg.WEIGHT_DECAY, momentum=cfg.MOMENTUM)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg.EPOCHS)
    criterion = nn.CrossEntropyLoss()
    train_loader, val_loader = build_loader(cfg.BATCH_SIZE)

    for epoch in range(cfg.EPOCHS):
        model.train()
        for images, target in train_loader:
            images, target = images.to(device), target.to(device)
            loss = criterion(model(images), target)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()

    # linear probe of a fresh head on the frozen features
    head = nn.Linear(2048, cfg.NUM_CLASSES).to(device)
    probe_opt = create_optimizer(head, 'sgd', cfg.LR * 0.1, weight_decay=0.0)
    model.fc = nn.Identity()
    model.eval()
    for images, target in train_loader:
        images, target = images.to(device), target.to(device)
        with torch.no_grad():
            feats = model(images)
        loss = criterion(head(feats), target)
        probe_opt.zero_grad()
        loss.backward()
        probe_opt.step()


if __name__ == '__main__':
    main()
