# Idiom seen in: black0017/MedicalZooPytorch lib/medzoo/Unet3D.py
# What it reproduces: a small 3D U-Net with biased convolutions and instance norms, the kind of model
# create_model() in medzoo.py hands to its optimizer switch.
import torch
import torch.nn as nn


class UNet3D(nn.Module):
    def __init__(self, in_channels, n_classes, base_n_filter=8):
        super().__init__()
        f = base_n_filter
        self.conv3d_c1 = nn.Conv3d(in_channels, f, kernel_size=3, stride=1, padding=1)
        self.inorm3d_c1 = nn.InstanceNorm3d(f, affine=True)
        self.conv3d_c2 = nn.Conv3d(f, f * 2, kernel_size=3, stride=2, padding=1)
        self.inorm3d_c2 = nn.InstanceNorm3d(f * 2, affine=True)
        self.conv3d_c3 = nn.Conv3d(f * 2, f * 4, kernel_size=3, stride=2, padding=1)
        self.inorm3d_c3 = nn.InstanceNorm3d(f * 4, affine=True)
        self.upsample = nn.Upsample(scale_factor=4, mode='nearest')
        self.conv3d_l0 = nn.Conv3d(f * 4, f, kernel_size=1)
        self.out = nn.Conv3d(f * 2, n_classes, kernel_size=1)
        self.lrelu = nn.LeakyReLU()

    def forward(self, x):
        c1 = self.lrelu(self.inorm3d_c1(self.conv3d_c1(x)))
        c2 = self.lrelu(self.inorm3d_c2(self.conv3d_c2(c1)))
        c3 = self.lrelu(self.inorm3d_c3(self.conv3d_c3(c2)))
        up = self.conv3d_l0(self.upsample(c3))
        return self.out(torch.cat([up, c1], dim=1))


class CNN(nn.Module):
    def __init__(self, classes, in_channels=3):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(in_channels, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1),
        )
        self.fc = nn.Linear(64, classes)

    def forward(self, x):
        return self.fc(torch.flatten(self.features(x), 1))
