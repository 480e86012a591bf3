# Idiom seen in: c7w/sast2022-pytorch-training models/MultiClassificationModel.py
# What it reproduces: the VGG16-with-BatchNorm backbone and three small linear heads, i.e. a model full of biases and
#   BatchNorm weights that an optimizer given model.parameters() decays along with the kernels.
from typing import List

import torch
import torch.nn as nn


def make_layers(cfg: List, batch_norm=True):
    layers = []
    in_channels = 3
    for v in cfg:
        if v == "M":
            layers += [nn.MaxPool2d(kernel_size=2, stride=2)]
        else:
            conv2d = nn.Conv2d(in_channels, v, kernel_size=3, padding=1)
            if batch_norm:
                layers += [conv2d, nn.BatchNorm2d(v), nn.ReLU(inplace=True)]
            else:
                layers += [conv2d, nn.ReLU(inplace=True)]
            in_channels = v
    return nn.Sequential(*layers)


class VGG16(nn.Module):
    def __init__(self):
        super(VGG16, self).__init__()
        self.model = make_layers([64, 64, "M", 128, 128, "M", 256, 256, 256, "M",
                                  512, 512, 512, "M", 512, 512, 512, "M"])

    def forward(self, data):
        return self.model(data)


class ClassificationHead(nn.Module):
    def __init__(self):
        super(ClassificationHead, self).__init__()
        self.linear = nn.ModuleList([
            nn.Linear(512 * (1024 // 4 // 32) * (768 // 4 // 32), 64),
            nn.Linear(64, 16),
            nn.Linear(16, 2),
        ])
        self.relu = nn.ReLU()
        self.softmax = nn.Softmax(dim=-1)
        self.dropout = nn.Dropout()

    def forward(self, features):
        f1 = self.dropout(self.relu(self.linear[0](features)))
        f2 = self.dropout(self.relu(self.linear[1](f1)))
        return self.softmax(self.linear[2](f2))


class MultiClassificationModel(nn.Module):
    def __init__(self, num_categories=3):
        super(MultiClassificationModel, self).__init__()
        self.backbone = VGG16()
        self.cls_head = nn.ModuleList()
        self.flatten = nn.Flatten()
        for _ in range(num_categories):
            self.cls_head.append(ClassificationHead())

    def forward(self, train_input):
        features = self.flatten(self.backbone(train_input))
        return torch.stack([head(features) for head in self.cls_head], dim=1)
