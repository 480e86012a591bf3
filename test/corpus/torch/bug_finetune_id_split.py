# Idiom seen in: xljh0520/note optim.py
# What it reproduces: backbone/head split by parameter id to give the backbone a smaller lr, both groups
# handed to one SGD with weight_decay: the groups hold whole modules, so every bias and BatchNorm weight decays.
import argparse

import torch
import torch.nn as nn
import torchvision

from datasets import get_reid_loader  # not in this workspace


def parse_args():
    p = argparse.ArgumentParser(description="person re-id fine-tuning")
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--backbone_lr", type=float, default=0.005)
    p.add_argument("--momentum", type=float, default=0.9)
    p.add_argument("--weight_decay", type=float, default=5e-4)
    p.add_argument("--num_ids", type=int, default=751)
    p.add_argument("--epochs", type=int, default=60)
    return p.parse_args()


class ReIDNet(nn.Module):
    def __init__(self, num_ids):
        super().__init__()
        resnet = torchvision.models.resnet50(pretrained=True)
        self.backbone = nn.Sequential(*list(resnet.children())[:-1])
        self.bottleneck = nn.BatchNorm1d(2048)
        self.classifier = nn.Linear(2048, num_ids)

    def forward(self, x):
        feat = self.backbone(x).flatten(1)
        return self.classifier(self.bottleneck(feat))


def main():
    config = parse_args()
    net = ReIDNet(config.num_ids).cuda()

    base_params = list(map(id, net.backbone.parameters()))
    logits_params = filter(lambda p: id(p) not in base_params, net.parameters())
    params = [
        {"params": logits_params, "lr": config.lr},
        {"params": net.backbone.parameters(), "lr": config.backbone_lr},
    ]
    optimizer = torch.optim.SGD(params, momentum=config.momentum, weight_decay=config.weight_decay)  # expect: WD203
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[20, 40], gamma=0.1)
    criterion = nn.CrossEntropyLoss()

    loader = get_reid_loader("market1501", batch_size=64)
    for epoch in range(config.epochs):
        net.train()
        for imgs, pids in loader:
            imgs, pids = imgs.cuda(), pids.cuda()
            loss = criterion(net(imgs), pids)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()
        print("epoch %d loss %.4f" % (epoch, loss.item()))


if __name__ == "__main__":
    main()
