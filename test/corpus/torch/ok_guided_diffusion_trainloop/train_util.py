# Idiom seen in: openai/guided-diffusion guided_diffusion/train_util.py
# What it reproduces: TrainLoop stores weight_decay (default 0.0) and builds AdamW(master_params, lr,
# weight_decay=self.weight_decay); the image_train script never changes the 0.0 default. AdamW with 0.0 decays
# nothing, and the diffusion loss carries no penalty. Clean.
import copy

import torch as th
from torch.optim import AdamW


class TrainLoop:
    def __init__(self, *, model, diffusion, data, batch_size, lr, ema_rate, log_interval, save_interval,
                 schedule_sampler, weight_decay=0.0, lr_anneal_steps=0):
        self.model = model
        self.diffusion = diffusion
        self.data = data
        self.batch_size = batch_size
        self.lr = lr
        self.ema_rate = [float(x) for x in ema_rate.split(",")] if isinstance(ema_rate, str) else [ema_rate]
        self.log_interval = log_interval
        self.save_interval = save_interval
        self.schedule_sampler = schedule_sampler
        self.weight_decay = weight_decay
        self.lr_anneal_steps = lr_anneal_steps
        self.step = 0
        self.master_params = list(self.model.parameters())
        self.opt = AdamW(self.master_params, lr=self.lr, weight_decay=self.weight_decay)
        self.ema_params = [copy.deepcopy(self.master_params) for _ in self.ema_rate]

    def run_loop(self):
        while not self.lr_anneal_steps or self.step < self.lr_anneal_steps:
            batch, cond = next(self.data)
            self.run_step(batch, cond)
            self.step += 1

    def run_step(self, batch, cond):
        self.opt.zero_grad()
        t, weights = self.schedule_sampler.sample(batch.shape[0], batch.device)
        losses = self.diffusion.training_losses(self.model, batch, t, model_kwargs=cond)
        loss = (losses["loss"] * weights).mean()
        loss.backward()
        self._anneal_lr()
        self.opt.step()

    def _anneal_lr(self):
        if not self.lr_anneal_steps:
            return
        frac_done = self.step / self.lr_anneal_steps
        for param_group in self.opt.param_groups:
            param_group["lr"] = self.lr * (1 - frac_done)
