# Idiom seen in: ZhichaoDuan/GaitRecognition modeling/models/setnet.py
# What it reproduces: GaitSet's SetNet: every Conv2d is built with bias=False, there is no normalization layer, and
#   the head is one 3-D nn.Parameter (fc_bin); decaying all parameters decays only weights (clean).
import torch
import torch.nn as nn
import torch.nn.functional as F


class ActivatedCNN(nn.Module):
    def __init__(self, in_channels, out_channels, ks, activation, **kwargs):
        super(ActivatedCNN, self).__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, ks, **kwargs)
        self.activation = getattr(F, activation)

    def forward(self, x):
        return self.activation(self.conv(x), inplace=True)


class SetNet(nn.Module):
    def __init__(self, cfg):
        super(SetNet, self).__init__()
        self.num_features = cfg.MODEL.NUM_FEATURES
        kwargs = dict(activation=cfg.MODEL.ACTIVATION, bias=False)
        self.local_layer1 = ActivatedCNN(1, 32, 5, padding=2, **kwargs)
        self.local_layer2 = ActivatedCNN(32, 32, 3, padding=1, **kwargs)
        self.local_layer3 = ActivatedCNN(32, 64, 3, padding=1, **kwargs)
        self.local_layer4 = ActivatedCNN(64, 64, 3, padding=1, **kwargs)
        self.local_layer5 = ActivatedCNN(64, 128, 3, padding=1, **kwargs)
        self.local_layer6 = ActivatedCNN(128, 128, 3, padding=1, **kwargs)
        self.bin_num = [1, 2, 4, 8, 16]
        self.fc_bin = nn.Parameter(
            nn.init.xavier_uniform_(torch.zeros(sum(self.bin_num), 128, self.num_features)))

    def forward(self, x):
        n, m, h, w = x.size()
        x = x.view(-1, 1, h, w)
        x = F.max_pool2d(self.local_layer2(self.local_layer1(x)), 2)
        x = F.max_pool2d(self.local_layer4(self.local_layer3(x)), 2)
        x = self.local_layer6(self.local_layer5(x))
        _, c, hh, ww = x.size()
        x = torch.max(x.view(n, m, c, hh, ww), 1)[0]
        feature = []
        for bin_ in self.bin_num:
            z = x.view(n, c, bin_, -1)
            feature.append(z.mean(3) + z.max(3)[0])
        feature = torch.cat(feature, 2).permute(2, 0, 1)
        return feature.matmul(self.fc_bin).permute(1, 0, 2)
