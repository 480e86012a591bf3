# Idiom seen in: facebookresearch/maskrcnn-benchmark maskrcnn_benchmark/layers/batch_norm.py,
# maskrcnn_benchmark/modeling/backbone/resnet.py, modeling/roi_heads/box_head/roi_box_feature_extractors.py
# What it reproduces: FrozenBatchNorm2d (affine weight/bias and statistics registered as buffers), a ResNet
# stem/stage built from bias-free convs + FrozenBatchNorm2d, and a two-layer MLP box head.
# label-note: clean (see solver.py). The buffers named "weight"/"bias" are not parameters.
import torch
import torch.nn.functional as F
from torch import nn


class FrozenBatchNorm2d(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.register_buffer("weight", torch.ones(n))
        self.register_buffer("bias", torch.zeros(n))
        self.register_buffer("running_mean", torch.zeros(n))
        self.register_buffer("running_var", torch.ones(n))

    def forward(self, x):
        scale = self.weight * self.running_var.rsqrt()
        bias = self.bias - self.running_mean * scale
        return x * scale.reshape(1, -1, 1, 1) + bias.reshape(1, -1, 1, 1)


class Bottleneck(nn.Module):
    def __init__(self, cin, mid, cout, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, mid, 1, stride=stride, bias=False)
        self.bn1 = FrozenBatchNorm2d(mid)
        self.conv2 = nn.Conv2d(mid, mid, 3, padding=1, bias=False)
        self.bn2 = FrozenBatchNorm2d(mid)
        self.conv3 = nn.Conv2d(mid, cout, 1, bias=False)
        self.bn3 = FrozenBatchNorm2d(cout)
        self.downsample = nn.Sequential(nn.Conv2d(cin, cout, 1, stride=stride, bias=False),
                                        FrozenBatchNorm2d(cout))

    def forward(self, x):
        out = F.relu_(self.bn1(self.conv1(x)))
        out = F.relu_(self.bn2(self.conv2(out)))
        return F.relu_(self.bn3(self.conv3(out)) + self.downsample(x))


class GeneralizedRCNN(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False), FrozenBatchNorm2d(64))
        self.layer1 = Bottleneck(64, 64, 256)
        self.layer2 = Bottleneck(256, 128, 512, stride=2)
        for p in self.stem.parameters():
            p.requires_grad = False
        dim = cfg.MODEL.ROI_BOX_HEAD.MLP_HEAD_DIM
        self.fc6 = nn.Linear(512 * 7 * 7, dim)
        self.fc7 = nn.Linear(dim, dim)
        self.cls_score = nn.Linear(dim, cfg.MODEL.ROI_BOX_HEAD.NUM_CLASSES)
        self.bbox_pred = nn.Linear(dim, cfg.MODEL.ROI_BOX_HEAD.NUM_CLASSES * 4)

    def forward(self, images, targets=None):
        x = self.layer2(self.layer1(F.max_pool2d(self.stem(images), 3, 2, 1)))
        x = F.adaptive_avg_pool2d(x, 7).flatten(1)
        x = F.relu(self.fc7(F.relu(self.fc6(x))))
        return self.cls_score(x), self.bbox_pred(x)
