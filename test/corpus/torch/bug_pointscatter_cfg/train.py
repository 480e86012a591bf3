# Idiom seen in: zhangzhao2022/pointscatter configs/_base_/schedules/schedule_40k.py
# What it reproduces: mmseg-style schedule config `optimizer = dict(type='Adam', lr=0.001, weight_decay=0.0001)`
#   turned into torch.optim.Adam(model.parameters(), **cfg) by a small builder with no paramwise rules: coupled L2
#   under Adam, and decay on every BatchNorm and bias of the segmentation net (as the config does in mmcv).
import argparse

import torch
import torch.nn as nn
import torch.nn.functional as F

from builder import build_optimizer, poly_lr
from schedule_40k import optimizer as optimizer_cfg, lr_config, runner
from vessel_data import build_dataloader


def conv_bn_relu(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class UNet(nn.Module):
    def __init__(self, in_ch=3, base=32, num_classes=2):
        super().__init__()
        self.enc1 = nn.Sequential(conv_bn_relu(in_ch, base), conv_bn_relu(base, base))
        self.enc2 = nn.Sequential(conv_bn_relu(base, base * 2), conv_bn_relu(base * 2, base * 2))
        self.bottleneck = nn.Sequential(conv_bn_relu(base * 2, base * 4), conv_bn_relu(base * 4, base * 4))
        self.up2 = nn.ConvTranspose2d(base * 4, base * 2, 2, stride=2)
        self.dec2 = nn.Sequential(conv_bn_relu(base * 4, base * 2), conv_bn_relu(base * 2, base * 2))
        self.up1 = nn.ConvTranspose2d(base * 2, base, 2, stride=2)
        self.dec1 = nn.Sequential(conv_bn_relu(base * 2, base), conv_bn_relu(base, base))
        self.head = nn.Conv2d(base, num_classes, 1)

    def forward(self, x):
        e1 = self.enc1(x)
        e2 = self.enc2(F.max_pool2d(e1, 2))
        b = self.bottleneck(F.max_pool2d(e2, 2))
        d2 = self.dec2(torch.cat([self.up2(b), e2], 1))
        d1 = self.dec1(torch.cat([self.up1(d2), e1], 1))
        return self.head(d1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--data-root', default='data/DRIVE')
    args = parser.parse_args()
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    model = UNet().to(device)
    optimizer = build_optimizer(model, optimizer_cfg)
    loader = build_dataloader(args.data_root, samples_per_gpu=4)
    max_iters = runner['max_iters']
    it = 0
    while it < max_iters:
        for img, mask in loader:
            poly_lr(optimizer, optimizer_cfg['lr'], it, max_iters, lr_config['power'], lr_config['min_lr'])
            logits = model(img.to(device))
            loss = F.cross_entropy(logits, mask.to(device))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            it += 1
            if it >= max_iters:
                break


if __name__ == '__main__':
    main()
