# Idiom seen in: NVlabs/MUNIT networks.py
# What it reproduces: a multi-scale discriminator and an AdaIN auto-encoder generator with biased
# convolutions, LayerNorm and an MLP; both are optimized by Adam(weight_decay=...) in trainer.py.
import torch
import torch.nn as nn
import torch.nn.functional as F


class Conv2dBlock(nn.Module):
    def __init__(self, input_dim, output_dim, kernel_size, stride, padding=0, norm='none', activation='relu'):
        super().__init__()
        self.pad = nn.ReflectionPad2d(padding)
        self.conv = nn.Conv2d(input_dim, output_dim, kernel_size, stride, bias=True)
        if norm == 'ln':
            self.norm = nn.GroupNorm(1, output_dim)
        elif norm == 'in':
            self.norm = nn.InstanceNorm2d(output_dim)
        else:
            self.norm = None
        self.activation = nn.LeakyReLU(0.2, inplace=True) if activation == 'lrelu' else nn.ReLU(inplace=True)

    def forward(self, x):
        x = self.conv(self.pad(x))
        if self.norm is not None:
            x = self.norm(x)
        return self.activation(x)


class MsImageDis(nn.Module):
    def __init__(self, input_dim, params):
        super().__init__()
        self.n_layer = params['n_layer']
        self.dim = params['dim']
        self.num_scales = params['num_scales']
        self.downsample = nn.AvgPool2d(3, stride=2, padding=[1, 1], count_include_pad=False)
        self.cnns = nn.ModuleList([self._make_net(input_dim) for _ in range(self.num_scales)])

    def _make_net(self, input_dim):
        dim = self.dim
        layers = [Conv2dBlock(input_dim, dim, 4, 2, 1, norm='none', activation='lrelu')]
        for _ in range(self.n_layer - 1):
            layers += [Conv2dBlock(dim, dim * 2, 4, 2, 1, norm='none', activation='lrelu')]
            dim *= 2
        layers += [nn.Conv2d(dim, 1, 1, 1, 0)]
        return nn.Sequential(*layers)

    def forward(self, x):
        outputs = []
        for model in self.cnns:
            outputs.append(model(x))
            x = self.downsample(x)
        return outputs

    def calc_dis_loss(self, input_fake, input_real):
        loss = 0
        for out0, out1 in zip(self.forward(input_fake), self.forward(input_real)):
            loss += torch.mean((out0 - 0) ** 2) + torch.mean((out1 - 1) ** 2)
        return loss

    def calc_gen_loss(self, input_fake):
        loss = 0
        for out0 in self.forward(input_fake):
            loss += torch.mean((out0 - 1) ** 2)
        return loss


class AdaINGen(nn.Module):
    def __init__(self, input_dim, params):
        super().__init__()
        dim = params['dim']
        style_dim = params['style_dim']
        self.enc_style = nn.Sequential(
            Conv2dBlock(input_dim, dim, 7, 1, 3), nn.AdaptiveAvgPool2d(1), nn.Conv2d(dim, style_dim, 1, 1, 0))
        self.enc_content = nn.Sequential(
            Conv2dBlock(input_dim, dim, 7, 1, 3, norm='in'), Conv2dBlock(dim, dim * 2, 4, 2, 1, norm='in'))
        self.dec = nn.Sequential(
            nn.Upsample(scale_factor=2), Conv2dBlock(dim * 2, dim, 5, 1, 2, norm='ln'),
            nn.Conv2d(dim, input_dim, 7, 1, 3), nn.Tanh())
        self.mlp = nn.Sequential(nn.Linear(style_dim, params['mlp_dim']), nn.ReLU(),
                                 nn.Linear(params['mlp_dim'], dim * 4))

    def encode(self, images):
        return self.enc_content(images), self.enc_style(images)

    def decode(self, content, style):
        adain = self.mlp(style.view(style.size(0), -1))
        scale, shift = adain.chunk(2, dim=1)
        content = content * (1 + scale[:, :, None, None]) + shift[:, :, None, None]
        return self.dec(content)
