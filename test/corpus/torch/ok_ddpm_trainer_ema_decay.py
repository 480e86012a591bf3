# Idiom seen in: lucidrains/denoising-diffusion-pytorch denoising_diffusion_pytorch/denoising_diffusion_pytorch.py
# What it reproduces: the DDPM Trainer as used in a small image-generation project: Adam without
#   weight_decay, an EMA of the weights with ema_decay=0.995 and gradient accumulation under accelerate.
#   "decay" here is the EMA rate, not a weight decay, and no L2 term exists: clean.
import math
from pathlib import Path

import torch
from torch.optim import Adam
from torch.utils.data import DataLoader
from accelerate import Accelerator
from ema_pytorch import EMA
from denoising_diffusion_pytorch import Unet, GaussianDiffusion

from data import ImageFolderDataset


def cycle(dl):
    while True:
        for data in dl:
            yield data


class Trainer:
    def __init__(self, diffusion_model, folder, *, train_batch_size=16, gradient_accumulate_every=1,
                 train_lr=1e-4, train_num_steps=100000, ema_update_every=10, ema_decay=0.995,
                 adam_betas=(0.9, 0.99), save_and_sample_every=1000, results_folder='./results',
                 amp=False, mixed_precision_type='fp16', max_grad_norm=1.):
        self.accelerator = Accelerator(split_batches=True, mixed_precision=mixed_precision_type if amp else 'no')
        self.model = diffusion_model
        self.batch_size = train_batch_size
        self.gradient_accumulate_every = gradient_accumulate_every
        self.train_num_steps = train_num_steps
        self.max_grad_norm = max_grad_norm
        self.save_and_sample_every = save_and_sample_every

        self.ds = ImageFolderDataset(folder, diffusion_model.image_size)
        dl = DataLoader(self.ds, batch_size=train_batch_size, shuffle=True, pin_memory=True, num_workers=4)
        self.dl = cycle(self.accelerator.prepare(dl))

        self.opt = Adam(diffusion_model.parameters(), lr=train_lr, betas=adam_betas)

        if self.accelerator.is_main_process:
            self.ema = EMA(diffusion_model, beta=ema_decay, update_every=ema_update_every)
            self.ema.to(self.accelerator.device)

        self.results_folder = Path(results_folder)
        self.results_folder.mkdir(exist_ok=True)
        self.step = 0
        self.model, self.opt = self.accelerator.prepare(self.model, self.opt)

    def train(self):
        accelerator = self.accelerator
        device = accelerator.device
        while self.step < self.train_num_steps:
            total_loss = 0.
            for _ in range(self.gradient_accumulate_every):
                data = next(self.dl).to(device)
                with accelerator.autocast():
                    loss = self.model(data)
                    loss = loss / self.gradient_accumulate_every
                    total_loss += loss.item()
                accelerator.backward(loss)
            accelerator.clip_grad_norm_(self.model.parameters(), self.max_grad_norm)
            accelerator.wait_for_everyone()
            self.opt.step()
            self.opt.zero_grad()
            accelerator.wait_for_everyone()
            self.step += 1
            if accelerator.is_main_process:
                self.ema.update()
                if self.step % self.save_and_sample_every == 0:
                    torch.save({'step': self.step, 'model': accelerator.get_state_dict(self.model),
                                'ema': self.ema.state_dict()},
                               str(self.results_folder / f'model-{self.step // self.save_and_sample_every}.pt'))
            if self.step % 100 == 0:
                accelerator.print(f'step {self.step}: loss {total_loss:.4f}')


if __name__ == '__main__':
    model = Unet(dim=64, dim_mults=(1, 2, 4, 8), flash_attn=True)
    diffusion = GaussianDiffusion(model, image_size=128, timesteps=1000, sampling_timesteps=250)
    trainer = Trainer(diffusion, 'data/flowers', train_batch_size=32, train_lr=8e-5, train_num_steps=700000,
                      gradient_accumulate_every=2, ema_decay=0.995, amp=True)
    trainer.train()
