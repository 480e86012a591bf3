# Idiom seen in: xljh0520/note optim.py
# What it reproduces: a detection/segmentation net split by identity into backbone and "logits" params so the
#   backbone gets a smaller lr; neither group sets its own weight_decay, so the optimizer-level weight_decay
#   decays every BatchNorm weight/bias and conv bias of both parts.
import torch
import torch.nn as nn
import torchvision

from datasets import build_train_loader


class Config:
    lr = 0.01
    backbone_lr = 0.001
    momentum = 0.9
    weight_decay = 1e-4
    epochs = 50
    num_classes = 21


class SegNet(nn.Module):
    def __init__(self, num_classes):
        super().__init__()
        resnet = torchvision.models.resnet50(weights="IMAGENET1K_V1")
        self.backbone = nn.Sequential(*list(resnet.children())[:-2])
        self.head = nn.Sequential(
            nn.Conv2d(2048, 256, 3, padding=1),
            nn.BatchNorm2d(256),
            nn.ReLU(inplace=True),
            nn.Conv2d(256, num_classes, 1),
        )

    def forward(self, x):
        size = x.shape[-2:]
        out = self.head(self.backbone(x))
        return nn.functional.interpolate(out, size=size, mode="bilinear", align_corners=False)


def main():
    config = Config()
    net = SegNet(config.num_classes).cuda()
    base_params = list(map(id, net.backbone.parameters()))
    logits_params = filter(lambda p: id(p) not in base_params, net.parameters())
    params = [
        {"params": logits_params, "lr": config.lr},
        {"params": net.backbone.parameters(), "lr": config.backbone_lr},
    ]
    optimizer = torch.optim.SGD(params, momentum=config.momentum, weight_decay=config.weight_decay)  # expect: WD203
    scheduler = torch.optim.lr_scheduler.PolynomialLR(optimizer, total_iters=config.epochs, power=0.9)
    criterion = nn.CrossEntropyLoss(ignore_index=255)
    loader = build_train_loader(batch_size=8)
    for epoch in range(config.epochs):
        net.train()
        for images, masks in loader:
            images, masks = images.cuda(), masks.cuda()
            loss = criterion(net(images), masks)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()


if __name__ == "__main__":
    main()
