# Idiom seen in: ellisdg/3DUnetCNN unet3d/models/pytorch/build.py
# What it reproduces: the model factory: a 3-D UNet built from conv blocks with GroupNorm and biased
#   convolutions, which the optimizer in unet3d_train.py decays as one group.
import torch
import torch.nn as nn


class ConvBlock(nn.Module):
    def __init__(self, in_planes, planes, norm_groups=8):
        super().__init__()
        self.norm1 = nn.GroupNorm(min(norm_groups, in_planes), in_planes)
        self.conv1 = nn.Conv3d(in_planes, planes, 3, padding=1)
        self.norm2 = nn.GroupNorm(norm_groups, planes)
        self.conv2 = nn.Conv3d(planes, planes, 3, padding=1)

    def forward(self, x):
        x = self.conv1(torch.relu(self.norm1(x)))
        return self.conv2(torch.relu(self.norm2(x)))


class UNet(nn.Module):
    def __init__(self, n_features, n_outputs, base_width=32, encoder_blocks=(2, 2, 2, 2), **kwargs):
        super().__init__()
        widths = [base_width * 2 ** i for i in range(len(encoder_blocks))]
        self.encoders = nn.ModuleList()
        in_planes = n_features
        for w in widths:
            self.encoders.append(ConvBlock(in_planes, w))
            in_planes = w
        self.decoders = nn.ModuleList([ConvBlock(widths[i] + widths[i - 1], widths[i - 1])
                                       for i in range(len(widths) - 1, 0, -1)])
        self.final_convolution = nn.Conv3d(widths[0], n_outputs, 1)

    def forward(self, x):
        skips = []
        for i, enc in enumerate(self.encoders):
            x = enc(x)
            if i < len(self.encoders) - 1:
                skips.append(x)
                x = nn.functional.max_pool3d(x, 2)
        for dec in self.decoders:
            x = nn.functional.interpolate(x, scale_factor=2)
            x = dec(torch.cat([x, skips.pop()], dim=1))
        return self.final_convolution(x)


def build_or_load_model(model_name, model_filename, n_features, n_outputs, n_gpus=0, **kwargs):
    model = UNet(n_features=n_features, n_outputs=n_outputs, **kwargs)
    if n_gpus > 1:
        model = torch.nn.DataParallel(model).cuda()
    elif n_gpus > 0:
        model = model.cuda()
    return model
