# Idiom seen in: michuanhaohao/reid-strong-baseline modeling/baseline.py
# What it reproduces: the re-ID "Baseline": a torchvision ResNet-50 trunk, global pooling, a BNNeck
# (BatchNorm1d whose bias is frozen) and a bias-free classifier.
# label-note: no findings here; the BatchNorm weights it owns are what solver.py decays.
import torch.nn as nn
import torchvision


def weights_init_kaiming(m):
    if isinstance(m, nn.BatchNorm1d) and m.affine:
        nn.init.constant_(m.weight, 1.0)
        nn.init.constant_(m.bias, 0.0)


class Baseline(nn.Module):
    in_planes = 2048

    def __init__(self, num_classes, last_stride, model_path, neck='bnneck'):
        super().__init__()
        resnet = torchvision.models.resnet50()
        if last_stride == 1:
            resnet.layer4[0].conv2.stride = (1, 1)
            resnet.layer4[0].downsample[0].stride = (1, 1)
        self.base = nn.Sequential(*list(resnet.children())[:-2])
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.neck = neck
        self.bottleneck = nn.BatchNorm1d(self.in_planes)
        self.bottleneck.bias.requires_grad_(False)  # no shift
        self.bottleneck.apply(weights_init_kaiming)
        self.classifier = nn.Linear(self.in_planes, num_classes, bias=False)

    def forward(self, x):
        global_feat = self.gap(self.base(x)).flatten(1)
        feat = self.bottleneck(global_feat) if self.neck == 'bnneck' else global_feat
        if self.training:
            return self.classifier(feat), global_feat
        return feat


def build_model(cfg, num_classes):
    return Baseline(num_classes, cfg.MODEL.LAST_STRIDE, cfg.MODEL.PRETRAIN_PATH, cfg.MODEL.NECK)
