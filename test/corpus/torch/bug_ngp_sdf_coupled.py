# Idiom seen in: ashawkey/torch-ngp main_sdf.py
# Idiom seen in: ashawkey/torch-ngp sdf/network.py
# What it reproduces: instant-NGP SDF fitting; Adam with a 'net' parameter group carrying weight_decay=1e-6 is
# coupled L2 inside Adam (the MLP is bias-free, so only the Adam coupling is at issue, not decay on biases/norms).
import argparse
import os

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

from encoding import get_encoder
from loss import mape_loss
from sdf.provider import SDFDataset
from sdf.utils import Trainer, seed_everything


class SDFNetwork(nn.Module):
    def __init__(self, encoding="hashgrid", num_layers=3, skips=[], hidden_dim=64, clip_sdf=None):
        super().__init__()
        self.num_layers = num_layers
        self.skips = skips
        self.hidden_dim = hidden_dim
        self.clip_sdf = clip_sdf
        self.encoder, self.in_dim = get_encoder(encoding)
        backbone = []
        for l in range(num_layers):
            if l == 0:
                in_dim = self.in_dim
            elif l in self.skips:
                in_dim = self.hidden_dim + self.in_dim
            else:
                in_dim = self.hidden_dim
            out_dim = 1 if l == num_layers - 1 else self.hidden_dim
            backbone.append(nn.Linear(in_dim, out_dim, bias=False))
        self.backbone = nn.ModuleList(backbone)

    def forward(self, x):
        x = self.encoder(x)
        h = x
        for l in range(self.num_layers):
            if l in self.skips:
                h = torch.cat([h, x], dim=-1)
            h = self.backbone[l](h)
            if l != self.num_layers - 1:
                h = F.relu(h, inplace=True)
        if self.clip_sdf is not None:
            h = h.clamp(-self.clip_sdf, self.clip_sdf)
        return h


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('path', type=str)
    parser.add_argument('--workspace', type=str, default='workspace')
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--fp16', action='store_true', help="use amp mixed precision training")
    opt = parser.parse_args()
    seed_everything(opt.seed)

    model = SDFNetwork(encoding="hashgrid")
    train_dataset = SDFDataset(opt.path, size=100, num_samples=2 ** 18)
    train_loader = torch.utils.data.DataLoader(train_dataset, batch_size=1, shuffle=True)
    valid_dataset = SDFDataset(opt.path, size=1, num_samples=2 ** 18)
    valid_loader = torch.utils.data.DataLoader(valid_dataset, batch_size=1)
    criterion = mape_loss

    optimizer = lambda model: torch.optim.Adam([
        {'name': 'encoding', 'params': model.encoder.parameters()},
        {'name': 'net', 'params': model.backbone.parameters(), 'weight_decay': 1e-6},  # expect: WD202
    ], lr=1e-4, betas=(0.9, 0.99), eps=1e-15)
    scheduler = lambda optimizer: optim.lr_scheduler.StepLR(optimizer, step_size=10, gamma=0.1)

    trainer = Trainer('ngp', model, workspace=opt.workspace, optimizer=optimizer, criterion=criterion, ema_decay=0.95,
                      fp16=opt.fp16, lr_scheduler=scheduler, use_checkpoint='latest', eval_interval=1)
    trainer.train(train_loader, valid_loader, 20)
    trainer.save_mesh(os.path.join(opt.workspace, 'results', 'output.ply'), 1024)
