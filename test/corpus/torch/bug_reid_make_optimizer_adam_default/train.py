# Idiom seen in: ronakhb/siamese-reid solver/build.py
# What it reproduces: make_optimizer(cfg, model) builds one param group per tensor ("bias" gets
# WEIGHT_DECAY_BIAS=0) and picks the class with getattr(torch.optim, cfg.SOLVER.OPTIMIZER_NAME); the
# defaults say "Adam", so the weights group weight_decay is coupled L2 under Adam.
import argparse

import torch
import torch.nn as nn
import torchvision

from config import cfg
from solver import make_optimizer
from data import make_data_loader


class Baseline(nn.Module):
    def __init__(self, num_classes):
        super().__init__()
        backbone = torchvision.models.resnet50()
        self.base = nn.Sequential(*list(backbone.children())[:-1])
        self.bottleneck = nn.BatchNorm1d(2048)
        self.bottleneck.bias.requires_grad_(False)
        self.classifier = nn.Linear(2048, num_classes, bias=False)

    def forward(self, x):
        feat = self.base(x).flatten(1)
        return self.classifier(self.bottleneck(feat)), feat


def main():
    parser = argparse.ArgumentParser(description="ReID Baseline Training")
    parser.add_argument("--output_dir", default="./log", type=str)
    args = parser.parse_args()
    cfg.freeze()

    train_loader, num_classes = make_data_loader(cfg)
    model = Baseline(num_classes).cuda()
    optimizer = make_optimizer(cfg, model)
    criterion = nn.CrossEntropyLoss()

    for epoch in range(cfg.SOLVER.MAX_EPOCHS):
        model.train()
        for img, target in train_loader:
            img, target = img.cuda(), target.cuda()
            optimizer.zero_grad()
            score, feat = model(img)
            loss = criterion(score, target)
            loss.backward()
            optimizer.step()
        print("epoch", epoch, "loss", loss.item())
        torch.save(model.state_dict(), args.output_dir + "/model.pth")


if __name__ == '__main__':
    main()
