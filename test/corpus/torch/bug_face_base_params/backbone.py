# Idiom seen in: wujiyang/Face_Pytorch train.py
# Idiom seen in: wujiyang/Face_Pytorch margin/ArcMarginProduct.py
# What it reproduces: the backbone is decayed through `filter(lambda p: id(p) not in ignored, net.parameters())`,
#   which only takes out the PReLU slopes: every BatchNorm weight/bias of the backbone still gets 5e-4 (real repo).
import torch.nn as nn


class BlockIR(nn.Module):
    def __init__(self, inplanes, planes, stride):
        super().__init__()
        self.bn1 = nn.BatchNorm2d(inplanes)
        self.conv1 = nn.Conv2d(inplanes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.prelu1 = nn.PReLU(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, stride, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(planes)
        self.downsample = nn.Sequential(nn.Conv2d(inplanes, planes, 1, stride, bias=False),
                                        nn.BatchNorm2d(planes))

    def forward(self, x):
        out = self.bn3(self.conv2(self.prelu1(self.bn2(self.conv1(self.bn1(x))))))
        return out + self.downsample(x)


class SEResNet_IR(nn.Module):
    def __init__(self, feature_dim=512, drop_ratio=0.4):
        super().__init__()
        self.input_layer = nn.Sequential(nn.Conv2d(3, 64, 3, 1, 1, bias=False),
                                         nn.BatchNorm2d(64), nn.PReLU(64))
        self.body = nn.Sequential(BlockIR(64, 64, 2), BlockIR(64, 128, 2),
                                  BlockIR(128, 256, 2), BlockIR(256, 512, 2))
        self.output_layer = nn.Sequential(nn.BatchNorm2d(512), nn.Dropout(drop_ratio), nn.Flatten(),
                                          nn.Linear(512 * 7 * 7, feature_dim),
                                          nn.BatchNorm1d(feature_dim))

    def forward(self, x):
        return self.output_layer(self.body(self.input_layer(x)))
