# Idiom seen in: ruizhecao96/CMGAN src/models/generator.py
# What it reproduces: a reduced TSCNet (dense encoder, mask and complex decoders) built from Conv2d with biases,
#   InstanceNorm2d(affine=True) and per-channel PReLU: the parameters train.py's default-decay AdamW decays.
import torch
import torch.nn as nn


class DenseEncoder(nn.Module):
    def __init__(self, in_channel, channels=64):
        super(DenseEncoder, self).__init__()
        self.conv_1 = nn.Sequential(
            nn.Conv2d(in_channel, channels, (1, 1), (1, 1)),
            nn.InstanceNorm2d(channels, affine=True),
            nn.PReLU(channels),
        )
        self.conv_2 = nn.Sequential(
            nn.Conv2d(channels, channels, (1, 3), (1, 2), padding=(0, 1)),
            nn.InstanceNorm2d(channels, affine=True),
            nn.PReLU(channels),
        )

    def forward(self, x):
        return self.conv_2(self.conv_1(x))


class Decoder(nn.Module):
    def __init__(self, num_features, num_channel=64, out_channel=1):
        super(Decoder, self).__init__()
        self.sub_pixel = nn.ConvTranspose2d(num_channel, num_channel, (1, 3), (1, 2), padding=(0, 1),
                                            output_padding=(0, 0))
        self.norm = nn.InstanceNorm2d(num_channel, affine=True)
        self.prelu = nn.PReLU(num_channel)
        self.final_conv = nn.Conv2d(num_channel, out_channel, (1, 1))
        self.prelu_out = nn.PReLU(num_features, init=-0.25)

    def forward(self, x):
        x = self.prelu(self.norm(self.sub_pixel(x)))
        x = self.final_conv(x).permute(0, 3, 2, 1).squeeze(-1)
        return self.prelu_out(x).permute(0, 2, 1).unsqueeze(1)


class TSCNet(nn.Module):
    def __init__(self, num_channel=64, num_features=201):
        super(TSCNet, self).__init__()
        self.dense_encoder = DenseEncoder(in_channel=3, channels=num_channel)
        self.mask_decoder = Decoder(num_features, num_channel=num_channel, out_channel=1)
        self.complex_decoder = Decoder(num_features, num_channel=num_channel, out_channel=2)

    def forward(self, x):
        mag = torch.sqrt(x[:, 0, :, :] ** 2 + x[:, 1, :, :] ** 2).unsqueeze(1)
        noisy_phase = torch.angle(torch.complex(x[:, 0, :, :], x[:, 1, :, :])).unsqueeze(1)
        x_in = torch.cat([mag, x], dim=1)
        out = self.dense_encoder(x_in)
        mask = self.mask_decoder(out)
        out_mag = mask * mag
        complex_out = self.complex_decoder(out)
        mag_real = out_mag * torch.cos(noisy_phase)
        mag_imag = out_mag * torch.sin(noisy_phase)
        return mag_real + complex_out[:, 0, :, :].unsqueeze(1), mag_imag + complex_out[:, 1, :, :].unsqueeze(1)
