# Idiom seen in: CompVis/latent-diffusion ldm/models/diffusion/ddpm.py
# What it reproduces: Lightning configure_optimizers of the LDM: torch.optim.AdamW(params, lr=lr) with no
# weight_decay= (default 0.01) over list(self.model.parameters()) (+ cond stage, + logvar): GroupNorm/bias params decayed.
import torch
import torch.nn as nn
import torch.nn.functional as F
import pytorch_lightning as pl

from ldm.util import instantiate_from_config
from ldm.modules.diffusionmodules.util import make_beta_schedule


class DiffusionWrapper(pl.LightningModule):
    def __init__(self, diff_model_config):
        super().__init__()
        self.diffusion_model = instantiate_from_config(diff_model_config)

    def forward(self, x, t, c=None):
        return self.diffusion_model(x, t, context=c)


class LatentDiffusion(pl.LightningModule):
    def __init__(self, unet_config, cond_stage_config, timesteps=1000, cond_stage_trainable=False,
                 learn_logvar=False, logvar_init=0.0):
        super().__init__()
        self.model = DiffusionWrapper(unet_config)
        self.cond_stage_model = instantiate_from_config(cond_stage_config)
        self.cond_stage_trainable = cond_stage_trainable
        self.learn_logvar = learn_logvar
        self.num_timesteps = timesteps
        betas = make_beta_schedule('linear', timesteps)
        alphas_cumprod = torch.cumprod(1.0 - torch.as_tensor(betas), dim=0)
        self.register_buffer('sqrt_alphas_cumprod', alphas_cumprod.sqrt())
        self.register_buffer('sqrt_one_minus_alphas_cumprod', (1.0 - alphas_cumprod).sqrt())
        self.logvar = torch.full(fill_value=logvar_init, size=(timesteps,))
        if self.learn_logvar:
            self.logvar = nn.Parameter(self.logvar, requires_grad=True)

    def q_sample(self, x_start, t, noise):
        return (self.sqrt_alphas_cumprod[t][:, None, None, None] * x_start
                + self.sqrt_one_minus_alphas_cumprod[t][:, None, None, None] * noise)

    def training_step(self, batch, batch_idx):
        x, c = batch['latent'], batch['caption']
        c = self.cond_stage_model(c)
        t = torch.randint(0, self.num_timesteps, (x.shape[0],), device=self.device).long()
        noise = torch.randn_like(x)
        model_out = self.model(self.q_sample(x, t, noise), t, c)
        loss = F.mse_loss(model_out, noise, reduction='none').mean(dim=[1, 2, 3])
        loss = (loss / torch.exp(self.logvar.to(self.device)[t]) + self.logvar.to(self.device)[t]).mean()
        self.log('train/loss', loss, prog_bar=True)
        return loss

    def configure_optimizers(self):
        lr = self.learning_rate
        params = list(self.model.parameters())
        if self.cond_stage_trainable:
            params = params + list(self.cond_stage_model.parameters())
        if self.learn_logvar:
            params.append(self.logvar)
        opt = torch.optim.AdamW(params, lr=lr)  # expect: WD203
        return opt
