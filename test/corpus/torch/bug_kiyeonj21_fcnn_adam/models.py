# Idiom seen in: kiyeonj21/deep-learning-pytorch-tutorial dl/models.py
# What it reproduces: the course's fully-convolutional up/down model (conv layers with biases, BatchNorm2d
#   with affine=False, a conditioning input concatenated at each scale); trained by fcnn2.py.
import torch
import torch.nn as nn


class FConvNetModel2(nn.Module):
    def __init__(self, ks=5, channels=(16, 32)):
        super().__init__()
        n_input_cat = 9
        c0 = n_input_cat
        self.conv = nn.ModuleList()
        for c in channels:
            self.conv.append(nn.Sequential(
                nn.BatchNorm2d(c0, affine=False),
                nn.Conv2d(c0, c, ks, 2, (ks - 1) // 2),
                nn.ReLU(True),
            ))
            c0 = c + n_input_cat
        self.central_conv = nn.Sequential(nn.Conv2d(c0, channels[-1], ks, 1, (ks - 1) // 2), nn.ReLU(True))
        c0 = channels[-1]
        self.upconv = nn.ModuleList()
        for c in channels[::-1]:
            self.upconv.append(nn.Sequential(
                nn.BatchNorm2d(c0, affine=False),
                nn.ConvTranspose2d(c0, c, ks, 2, (ks - 1) // 2, 1),
                nn.ReLU(True),
            ))
            c0 = c
        self.final = nn.Conv2d(c0, 3, 1)

    def forward(self, x, labels):
        onehot = torch.nn.functional.one_hot(labels, 6).permute(0, 3, 1, 2).float()
        h = torch.cat([x, onehot], 1)
        for layer in self.conv:
            h = layer(h)
            h = torch.cat([h, nn.functional.interpolate(onehot, size=h.shape[2:])], 1)
        h = self.central_conv(h)
        for layer in self.upconv:
            h = layer(h)
        return self.final(h)
