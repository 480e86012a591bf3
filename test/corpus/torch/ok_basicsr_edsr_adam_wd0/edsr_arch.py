# Idiom seen in: XPixelGroup/BasicSR options/train/EDSR/train_EDSR_Mx4.yml (network_g: EDSR, num_feat 64,
#   num_block 16, res_scale 1, img_range 255.; the architecture is written here, shortened)
# What it reproduces: EDSR: biased 3x3 convs, residual blocks without normalization, PixelShuffle upsampler,
#   mean shift by rgb_mean * img_range, registered under its class name.
# label-note: clean (the model has biases, but nothing decays them: the optimizer has weight_decay 0).
import math

import torch
from torch import nn

from registry import ARCH_REGISTRY


class ResidualBlockNoBN(nn.Module):
    def __init__(self, num_feat=64, res_scale=1):
        super().__init__()
        self.res_scale = res_scale
        self.conv1 = nn.Conv2d(num_feat, num_feat, 3, 1, 1, bias=True)
        self.conv2 = nn.Conv2d(num_feat, num_feat, 3, 1, 1, bias=True)

    def forward(self, x):
        return x + self.conv2(torch.relu(self.conv1(x))) * self.res_scale


@ARCH_REGISTRY.register()
class EDSR(nn.Module):
    def __init__(self, num_in_ch, num_out_ch, num_feat=64, num_block=16, upscale=4, res_scale=1,
                 img_range=255., rgb_mean=(0.4488, 0.4371, 0.4040)):
        super().__init__()
        self.img_range = img_range
        self.mean = torch.Tensor(rgb_mean).view(1, 3, 1, 1)
        self.conv_first = nn.Conv2d(num_in_ch, num_feat, 3, 1, 1)
        self.body = nn.Sequential(*[ResidualBlockNoBN(num_feat, res_scale) for _ in range(num_block)])
        self.conv_after_body = nn.Conv2d(num_feat, num_feat, 3, 1, 1)
        up = []
        for _ in range(int(math.log(upscale, 2))):
            up += [nn.Conv2d(num_feat, 4 * num_feat, 3, 1, 1), nn.PixelShuffle(2)]
        self.upsample = nn.Sequential(*up)
        self.conv_last = nn.Conv2d(num_feat, num_out_ch, 3, 1, 1)

    def forward(self, x):
        self.mean = self.mean.type_as(x)
        x = (x - self.mean) * self.img_range
        x = self.conv_first(x)
        res = self.conv_after_body(self.body(x)) + x
        x = self.conv_last(self.upsample(res))
        return x / self.img_range + self.mean
