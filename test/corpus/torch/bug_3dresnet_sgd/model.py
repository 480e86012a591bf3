# Idiom seen in: kenshohara/3D-ResNets-PyTorch main.py
# Idiom seen in: kenshohara/3D-ResNets-PyTorch opts.py
# What it reproduces: get_train_utils(opt, model_parameters) builds SGD(..., dampening, weight_decay=opt.weight_decay)
#   and the caller hands it all of model.parameters(): the BatchNorm3d scales/shifts get the 1e-3 decay (real repo).
import torch.nn as nn


class BasicBlock(nn.Module):
    def __init__(self, in_planes, planes, stride=1):
        super().__init__()
        self.conv1 = nn.Conv3d(in_planes, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm3d(planes)
        self.conv2 = nn.Conv3d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm3d(planes)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = None
        if stride != 1 or in_planes != planes:
            self.downsample = nn.Sequential(nn.Conv3d(in_planes, planes, 1, stride, bias=False),
                                            nn.BatchNorm3d(planes))

    def forward(self, x):
        residual = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        return self.relu(self.bn2(self.conv2(out)) + residual)


class ResNet(nn.Module):
    def __init__(self, n_classes=400, widths=(64, 128, 256, 512)):
        super().__init__()
        self.conv1 = nn.Conv3d(3, widths[0], kernel_size=(7, 7, 7), stride=(1, 2, 2), padding=(3, 3, 3), bias=False)
        self.bn1 = nn.BatchNorm3d(widths[0])
        blocks, in_planes = [], widths[0]
        for i, w in enumerate(widths):
            blocks += [BasicBlock(in_planes, w, 1 if i == 0 else 2), BasicBlock(w, w)]
            in_planes = w
        self.layers = nn.Sequential(*blocks)
        self.avgpool = nn.AdaptiveAvgPool3d((1, 1, 1))
        self.fc = nn.Linear(widths[-1], n_classes)

    def forward(self, x):
        x = self.layers(nn.functional.relu(self.bn1(self.conv1(x))))
        return self.fc(self.avgpool(x).flatten(1))


def generate_model(opt):
    return ResNet(n_classes=opt.n_classes)
