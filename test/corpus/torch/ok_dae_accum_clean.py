# Idiom seen in: repository not resolved by the code index (index file id 3177619866: "Regularizer Tools", `l2_regularizer(model)` summing m.weight.pow(2) over the Linear / Conv2d / ConvTranspose2d modules)
# What it reproduces: a dataclass-configured denoising-autoencoder Trainer that adds the module-walking L2 helper to the reconstruction loss before dividing for gradient accumulation and scaling with GradScaler; Adam has no weight_decay of its own. Clean.
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.cuda.amp import GradScaler, autocast

from loaders import make_patch_loader


def l2_regularizer(model):
    reg_terms = []
    for m in model.modules():
        if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
            reg_terms.append(m.weight.pow(2).sum())
    return sum(reg_terms)


@dataclass
class TrainConfig:
    lr: float = 2e-4
    l2: float = 1e-5
    noise_std: float = 0.1
    accum_steps: int = 4
    epochs: int = 50
    amp: bool = True
    batch_size: int = 32


class ConvDAE(nn.Module):
    def __init__(self, ch=1, width=32):
        super().__init__()
        self.enc = nn.Sequential(
            nn.Conv2d(ch, width, 3, stride=2, padding=1), nn.BatchNorm2d(width), nn.ReLU(True),
            nn.Conv2d(width, 2 * width, 3, stride=2, padding=1), nn.BatchNorm2d(2 * width), nn.ReLU(True),
        )
        self.dec = nn.Sequential(
            nn.ConvTranspose2d(2 * width, width, 4, stride=2, padding=1), nn.ReLU(True),
            nn.ConvTranspose2d(width, ch, 4, stride=2, padding=1),
        )

    def forward(self, x):
        return self.dec(self.enc(x))


class Trainer:
    def __init__(self, model, cfg: TrainConfig, device="cuda"):
        self.model = model.to(device)
        self.cfg = cfg
        self.device = device
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=cfg.lr, betas=(0.5, 0.999))
        self.scaler = GradScaler(enabled=cfg.amp)

    def train_epoch(self, loader):
        self.model.train()
        running, running_reg = 0.0, 0.0
        self.optimizer.zero_grad(set_to_none=True)
        for step, clean in enumerate(loader):
            clean = clean.to(self.device, non_blocking=True)
            noisy = clean + self.cfg.noise_std * torch.randn_like(clean)
            with autocast(enabled=self.cfg.amp):
                recon = self.model(noisy)
                rec_loss = F.mse_loss(recon, clean)
            reg = self.cfg.l2 * l2_regularizer(self.model)
            loss = (rec_loss + reg) / self.cfg.accum_steps
            self.scaler.scale(loss).backward()

            if (step + 1) % self.cfg.accum_steps == 0:
                self.scaler.step(self.optimizer)
                self.scaler.update()
                self.optimizer.zero_grad(set_to_none=True)
            running += rec_loss.item()
            running_reg += reg.item()
        return running / (step + 1), running_reg / (step + 1)


if __name__ == "__main__":
    cfg = TrainConfig()
    trainer = Trainer(ConvDAE(), cfg)
    loader = make_patch_loader("data/patches", batch_size=cfg.batch_size)
    for epoch in range(cfg.epochs):
        rec, reg = trainer.train_epoch(loader)
        print(f"epoch {epoch:03d} rec {rec:.5f} l2 {reg:.5f}")
