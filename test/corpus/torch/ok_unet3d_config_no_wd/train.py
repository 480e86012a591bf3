# Idiom seen in: wolny/pytorch-3dunet pytorch3dunet/train.py
# Idiom seen in: wolny/pytorch-3dunet resources/3DUnet_lightsheet_boundary/train_config.yml
# What it reproduces: the yaml config inlined as a dict; its optimizer section sets only the
#   learning rate, so create_optimizer falls back to weight_decay=0. Clean.
import torch
import torch.nn as nn

from pytorch3dunet.datasets.utils import get_train_loaders
from pytorch3dunet.unet3d.losses import BCEDiceLoss
from trainer import UNet3DTrainer

CONFIG = {
    'device': 'cuda' if torch.cuda.is_available() else 'cpu',
    'model': {'in_channels': 1, 'out_channels': 1, 'f_maps': 32, 'num_groups': 8},
    'optimizer': {'learning_rate': 0.0002},
    'lr_scheduler': {'name': 'MultiStepLR', 'milestones': [30, 60], 'gamma': 0.2},
    'trainer': {'max_num_epochs': 100},
    'loaders': {'train': {'file_paths': ['data/train']}, 'val': {'file_paths': ['data/val']}},
}


def conv_block(in_ch, out_ch, num_groups):
    return nn.Sequential(
        nn.GroupNorm(num_groups if in_ch >= num_groups else 1, in_ch),
        nn.Conv3d(in_ch, out_ch, kernel_size=3, padding=1, bias=False),
        nn.ReLU(inplace=True),
        nn.GroupNorm(num_groups, out_ch),
        nn.Conv3d(out_ch, out_ch, kernel_size=3, padding=1, bias=False),
        nn.ReLU(inplace=True),
    )


class UNet3D(nn.Module):
    def __init__(self, in_channels, out_channels, f_maps=32, num_groups=8):
        super().__init__()
        self.enc1 = conv_block(in_channels, f_maps, num_groups)
        self.enc2 = conv_block(f_maps, 2 * f_maps, num_groups)
        self.pool = nn.MaxPool3d(2)
        self.up = nn.Upsample(scale_factor=2, mode='nearest')
        self.dec1 = conv_block(3 * f_maps, f_maps, num_groups)
        self.final_conv = nn.Conv3d(f_maps, out_channels, 1)

    def forward(self, x):
        e1 = self.enc1(x)
        e2 = self.enc2(self.pool(e1))
        d1 = self.dec1(torch.cat([self.up(e2), e1], dim=1))
        return self.final_conv(d1)


def main():
    config = CONFIG
    model = UNet3D(**config['model']).to(config['device'])
    loaders = get_train_loaders(config)
    trainer = UNet3DTrainer.from_config(config, model, BCEDiceLoss(alpha=1.0, beta=1.0), loaders)
    trainer.fit()


if __name__ == '__main__':
    main()
