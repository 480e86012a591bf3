# Idiom seen in: lucidrains/DALLE2-pytorch dalle2_pytorch/trainer.py
# Idiom seen in: lucidrains/DALLE2-pytorch dalle2_pytorch/optimizer.py
# What it reproduces: prior and decoder trainers hand their wd argument to get_optimizer; the EMA copies are not
# optimized. The decay each trainer gets is decided by the wd its caller passes.
import torch
from torch import nn
from torch.cuda.amp import GradScaler, autocast

from ema_pytorch import EMA
from optimizer import get_optimizer


class DiffusionPriorTrainer(nn.Module):
    def __init__(self, diffusion_prior, lr=3e-4, wd=1e-2, eps=1e-6, max_grad_norm=None, use_ema=True,
                 ema_beta=0.99, amp=False):
        super().__init__()
        self.diffusion_prior = diffusion_prior
        self.use_ema = use_ema
        if use_ema:
            self.ema_diffusion_prior = EMA(diffusion_prior, beta=ema_beta)
        self.optimizer = get_optimizer(diffusion_prior.parameters(), lr=lr, wd=wd, eps=eps)
        self.scaler = GradScaler(enabled=amp)
        self.amp = amp
        self.max_grad_norm = max_grad_norm

    def update(self):
        if self.max_grad_norm is not None:
            self.scaler.unscale_(self.optimizer)
            nn.utils.clip_grad_norm_(self.diffusion_prior.parameters(), self.max_grad_norm)
        self.scaler.step(self.optimizer)
        self.scaler.update()
        self.optimizer.zero_grad()
        if self.use_ema:
            self.ema_diffusion_prior.update()

    def forward(self, *args, **kwargs):
        with autocast(enabled=self.amp):
            loss = self.diffusion_prior(*args, **kwargs)
        self.scaler.scale(loss).backward()
        return loss.item()


class DecoderTrainer(nn.Module):
    def __init__(self, decoder, lr=1e-4, wd=1e-2, eps=1e-8, max_grad_norm=0.5, amp=False):
        super().__init__()
        self.decoder = decoder
        self.optimizers = [get_optimizer(unet.parameters(), lr=lr, wd=wd, eps=eps) for unet in decoder.unets]
        self.scaler = GradScaler(enabled=amp)
        self.amp = amp
        self.max_grad_norm = max_grad_norm

    def forward(self, images, text_embed=None, unet_number=1):
        with autocast(enabled=self.amp):
            loss = self.decoder(images, text_embed=text_embed, unet_number=unet_number)
        self.scaler.scale(loss).backward()
        optimizer = self.optimizers[unet_number - 1]
        self.scaler.unscale_(optimizer)
        nn.utils.clip_grad_norm_(self.decoder.unets[unet_number - 1].parameters(), self.max_grad_norm)
        self.scaler.step(optimizer)
        self.scaler.update()
        optimizer.zero_grad()
        return loss.item()
