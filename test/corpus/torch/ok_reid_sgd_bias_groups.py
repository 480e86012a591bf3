# Idiom seen in: ronakhb/siamese-reid solver/build.py
# What it reproduces: the reid-strong-baseline make_optimizer(cfg, model) with one group per tensor,
# biases at WEIGHT_DECAY_BIAS=0 and a doubled bias lr, for a config that picks momentum SGD (lr 0.01,
# wd 5e-4). Clean: SGD decay, small lr*wd, biases excluded, no explicit penalty.
import torch
import torch.nn as nn
import torchvision

from datasets import make_data_loader


class Cfg:
    OPTIMIZER_NAME = 'SGD'
    BASE_LR = 0.01
    BIAS_LR_FACTOR = 2
    MOMENTUM = 0.9
    WEIGHT_DECAY = 5e-4
    WEIGHT_DECAY_BIAS = 0.0
    MAX_EPOCHS = 60


def make_optimizer(cfg, model):
    params = []
    for key, value in model.named_parameters():
        if not value.requires_grad:
            continue
        lr = cfg.BASE_LR
        weight_decay = cfg.WEIGHT_DECAY
        if "bias" in key:
            lr = cfg.BASE_LR * cfg.BIAS_LR_FACTOR
            weight_decay = cfg.WEIGHT_DECAY_BIAS
        params += [{"params": [value], "lr": lr, "weight_decay": weight_decay}]
    optimizer = torch.optim.SGD(params, lr=cfg.BASE_LR, momentum=cfg.MOMENTUM)
    return optimizer


class SiameseNet(nn.Module):
    def __init__(self):
        super().__init__()
        backbone = torchvision.models.resnet18()
        backbone.fc = nn.Identity()
        self.backbone = backbone
        self.head = nn.Linear(512, 1)

    def forward(self, a, b):
        return self.head(torch.abs(self.backbone(a) - self.backbone(b))).squeeze(-1)


def main():
    cfg = Cfg()
    model = SiameseNet().cuda()
    optimizer = make_optimizer(cfg, model)
    criterion = nn.BCEWithLogitsLoss()
    train_loader = make_data_loader(batch_size=32)
    for epoch in range(cfg.MAX_EPOCHS):
        for img_a, img_b, same in train_loader:
            img_a, img_b, same = img_a.cuda(), img_b.cuda(), same.float().cuda()
            loss = criterion(model(img_a, img_b), same)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        print('epoch', epoch, loss.item())


if __name__ == '__main__':
    main()
