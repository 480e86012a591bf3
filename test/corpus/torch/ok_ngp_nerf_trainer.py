# Idiom seen in: ashawkey/torch-ngp main_nerf.py
# Idiom seen in: ashawkey/torch-ngp main_sdf.py
# What it reproduces: instant-NGP NeRF: model.get_params(lr) returns per-module groups (hash encoder, sigma and color
# MLPs) with no weight_decay, Adam built through a lambda the Trainer calls, AMP and an EMA of the parameters.
import argparse

import torch
import torch.nn as nn
import torch.optim as optim

from encoding import get_encoder
from nerf.provider import NeRFDataset
from nerf.renderer import NeRFRenderer


class NeRFNetwork(NeRFRenderer):
    def __init__(self, num_layers=2, hidden_dim=64, geo_feat_dim=15, num_layers_color=3, hidden_dim_color=64,
                 bound=1, **kwargs):
        super().__init__(bound, **kwargs)
        self.geo_feat_dim = geo_feat_dim
        self.encoder, self.in_dim = get_encoder("hashgrid", desired_resolution=2048 * bound)
        sigma_net = []
        for l in range(num_layers):
            sigma_net.append(nn.Linear(self.in_dim if l == 0 else hidden_dim,
                                       1 + geo_feat_dim if l == num_layers - 1 else hidden_dim, bias=False))
        self.sigma_net = nn.ModuleList(sigma_net)
        self.encoder_dir, self.in_dim_dir = get_encoder("sphere_harmonics")
        color_net = []
        for l in range(num_layers_color):
            color_net.append(nn.Linear(self.in_dim_dir + geo_feat_dim if l == 0 else hidden_dim_color,
                                       3 if l == num_layers_color - 1 else hidden_dim_color, bias=False))
        self.color_net = nn.ModuleList(color_net)

    def get_params(self, lr):
        return [
            {'params': self.encoder.parameters(), 'lr': lr},
            {'params': self.sigma_net.parameters(), 'lr': lr},
            {'params': self.encoder_dir.parameters(), 'lr': lr},
            {'params': self.color_net.parameters(), 'lr': lr},
        ]


class Trainer:
    def __init__(self, model, optimizer, lr_scheduler, criterion, ema_decay=0.95, fp16=True, device='cuda'):
        self.model = model.to(device)
        self.optimizer = optimizer(self.model)
        self.lr_scheduler = lr_scheduler(self.optimizer)
        self.criterion = criterion
        self.scaler = torch.cuda.amp.GradScaler(enabled=fp16)
        self.fp16 = fp16
        self.ema_decay = ema_decay
        self.shadow = [p.detach().clone() for p in self.model.parameters()]

    def train_step(self, data):
        with torch.cuda.amp.autocast(enabled=self.fp16):
            outputs = self.model.render(data['rays_o'], data['rays_d'], staged=False, perturb=True)
            loss = self.criterion(outputs['image'], data['images']).mean()
        self.optimizer.zero_grad()
        self.scaler.scale(loss).backward()
        self.scaler.step(self.optimizer)
        self.scaler.update()
        self.lr_scheduler.step()
        with torch.no_grad():
            for s, p in zip(self.shadow, self.model.parameters()):
                s.mul_(self.ema_decay).add_(p.detach(), alpha=1 - self.ema_decay)
        return loss.item()

    def train(self, loader, iters):
        step = 0
        while step < iters:
            for data in loader:
                loss = self.train_step(data)
                step += 1
                if step % 100 == 0:
                    print(f"step {step}: loss {loss:.5f}")


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('path', type=str)
    parser.add_argument('--iters', type=int, default=30000)
    parser.add_argument('--lr', type=float, default=1e-2)
    parser.add_argument('--fp16', action='store_true')
    parser.add_argument('--bound', type=float, default=2)
    opt = parser.parse_args()

    model = NeRFNetwork(bound=opt.bound)
    criterion = torch.nn.MSELoss(reduction='none')
    optimizer = lambda model: torch.optim.Adam(model.get_params(opt.lr), betas=(0.9, 0.99), eps=1e-15)
    scheduler = lambda optimizer: optim.lr_scheduler.LambdaLR(optimizer, lambda iter: 0.1 ** min(iter / opt.iters, 1))
    trainer = Trainer(model, optimizer, scheduler, criterion, ema_decay=0.95, fp16=opt.fp16)
    train_loader = NeRFDataset(opt, device='cuda', type='train').dataloader()
    trainer.train(train_loader, opt.iters)
