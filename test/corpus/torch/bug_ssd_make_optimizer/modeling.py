# Idiom seen in: lufficc/SSD ssd/solver/build.py
# Idiom seen in: lufficc/SSD ssd/config/defaults.py
# What it reproduces: make_optimizer(cfg, model) is SGD(model.parameters(), weight_decay=cfg.SOLVER.WEIGHT_DECAY)
#   with the yacs default 5e-4 (real repo): conv biases and the L2Norm scale of the VGG-SSD head are decayed.
import torch
import torch.nn as nn
import torch.nn.functional as F


class L2Norm(nn.Module):
    def __init__(self, n_channels, scale):
        super().__init__()
        self.eps = 1e-10
        self.weight = nn.Parameter(torch.Tensor(n_channels))
        nn.init.constant_(self.weight, scale)

    def forward(self, x):
        norm = x.pow(2).sum(dim=1, keepdim=True).sqrt() + self.eps
        return self.weight[None, :, None, None] * torch.div(x, norm)


def vgg_layers(cfg=(64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'C', 512, 512, 512, 'M', 512, 512, 512)):
    layers, in_channels = [], 3
    for v in cfg:
        if v == 'M':
            layers += [nn.MaxPool2d(2, 2)]
        elif v == 'C':
            layers += [nn.MaxPool2d(2, 2, ceil_mode=True)]
        else:
            layers += [nn.Conv2d(in_channels, v, kernel_size=3, padding=1), nn.ReLU(inplace=True)]
            in_channels = v
    return nn.ModuleList(layers)


class SSDDetector(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.vgg = vgg_layers()
        self.l2_norm = L2Norm(512, scale=20)
        n = cfg.MODEL.NUM_CLASSES
        self.cls_head = nn.Conv2d(512, cfg.MODEL.BOXES_PER_LOCATION[0] * n, kernel_size=3, padding=1)
        self.reg_head = nn.Conv2d(512, cfg.MODEL.BOXES_PER_LOCATION[0] * 4, kernel_size=3, padding=1)

    def forward(self, images):
        x = images
        for layer in self.vgg:
            x = layer(x)
        x = self.l2_norm(x)
        return self.cls_head(x), self.reg_head(x)

    def loss(self, outputs, targets):
        cls_logits, bbox_pred = outputs
        return F.cross_entropy(cls_logits, targets['labels']) + F.smooth_l1_loss(bbox_pred, targets['boxes'])
