# Idiom seen in: Yelab2020/HiST src/ApplicationModule/model.py
# What it reproduces: a ConvNeXt-style encoder over spatial-transcriptomics feature maps (depthwise conv,
#   LayerNorm, inverted MLP, 1-D layer-scale), concatenated with clinical covariates and mapped to one risk
#   score for a Cox model.
import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, dim, layer_scale_init_value=1e-6):
        super().__init__()
        self.dwconv = nn.Conv2d(dim, dim, kernel_size=7, padding=3, groups=dim)
        self.norm = nn.LayerNorm(dim, eps=1e-6)
        self.pwconv1 = nn.Linear(dim, 4 * dim)
        self.act = nn.GELU()
        self.pwconv2 = nn.Linear(4 * dim, dim)
        self.gamma = nn.Parameter(layer_scale_init_value * torch.ones(dim))

    def forward(self, x):
        shortcut = x
        x = self.dwconv(x).permute(0, 2, 3, 1)
        x = self.pwconv2(self.act(self.pwconv1(self.norm(x))))
        return shortcut + (self.gamma * x).permute(0, 3, 1, 2)


class ConvNeXt_TCGA(nn.Module):
    def __init__(self, in_chans=768, num_classes=1, clinical_col=(), depths=(2, 2, 6, 2),
                 dims=(96, 192, 384, 768)):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(in_chans, dims[0], kernel_size=2, stride=2),
                                  nn.GroupNorm(1, dims[0]))
        stages = []
        for i, depth in enumerate(depths):
            layers = [Block(dims[i]) for _ in range(depth)]
            if i < len(depths) - 1:
                layers += [nn.GroupNorm(1, dims[i]), nn.Conv2d(dims[i], dims[i + 1], kernel_size=2, stride=2)]
            stages.append(nn.Sequential(*layers))
        self.stages = nn.Sequential(*stages)
        self.norm = nn.LayerNorm(dims[-1], eps=1e-6)
        self.clinical = nn.Linear(len(clinical_col), 16) if clinical_col else None
        self.head = nn.Linear(dims[-1] + (16 if clinical_col else 0), num_classes)

    def forward(self, x, clinical=None):
        x = self.norm(self.stages(self.stem(x)).mean([-2, -1]))
        if self.clinical is not None:
            x = torch.cat([x, torch.relu(self.clinical(clinical))], dim=1)
        return self.head(x)
