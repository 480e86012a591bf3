# Idiom seen in: real-stanford/diffusion_policy diffusion_policy/policy/diffusion_transformer_hybrid_image_policy.py
# Idiom seen in: real-stanford/diffusion_policy diffusion_policy/model/diffusion/transformer_for_diffusion.py
# What it reproduces: the hybrid image policy's get_optimizer(): the transformer's no-decay split is kept,
#   but the whole image encoder (convs with biases, GroupNorm) is appended as one group with
#   obs_encoder_weight_decay, so its GroupNorm scales/shifts and biases are decayed by AdamW.
from typing import Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F
from diffusers.schedulers.scheduling_ddpm import DDPMScheduler

from transformer_for_diffusion import TransformerForDiffusion


class ObsEncoder(nn.Module):
    """ResNet-ish image encoder with BatchNorm replaced by GroupNorm, as robomimic does."""

    def __init__(self, in_channels=3, feature_dim=64):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(in_channels, 32, 3, stride=2, padding=1), nn.GroupNorm(8, 32), nn.ReLU(),
            nn.Conv2d(32, 64, 3, stride=2, padding=1), nn.GroupNorm(16, 64), nn.ReLU(),
            nn.Conv2d(64, 128, 3, stride=2, padding=1), nn.GroupNorm(16, 128), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(),
            nn.Linear(128, feature_dim),
        )

    def forward(self, img):
        return self.net(img)


class DiffusionTransformerHybridImagePolicy(nn.Module):
    def __init__(self, action_dim, horizon, obs_feature_dim=64, num_inference_steps=100):
        super().__init__()
        self.obs_encoder = ObsEncoder(feature_dim=obs_feature_dim)
        self.model = TransformerForDiffusion(input_dim=action_dim, output_dim=action_dim,
                                             horizon=horizon, cond_dim=obs_feature_dim)
        self.noise_scheduler = DDPMScheduler(num_train_timesteps=100, beta_schedule='squaredcos_cap_v2')
        self.num_inference_steps = num_inference_steps

    def get_optimizer(
            self,
            transformer_weight_decay: float,
            obs_encoder_weight_decay: float,
            learning_rate: float,
            betas: Tuple[float, float]
    ) -> torch.optim.Optimizer:
        optim_groups = self.model.get_optim_groups(
            weight_decay=transformer_weight_decay)
        optim_groups.append({
            "params": self.obs_encoder.parameters(),  # expect: WD203
            "weight_decay": obs_encoder_weight_decay
        })
        optimizer = torch.optim.AdamW(
            optim_groups, lr=learning_rate, betas=betas
        )
        return optimizer

    def compute_loss(self, batch):
        cond = self.obs_encoder(batch['obs']['image'])
        trajectory = batch['action']
        noise = torch.randn(trajectory.shape, device=trajectory.device)
        timesteps = torch.randint(0, self.noise_scheduler.config.num_train_timesteps,
                                  (trajectory.shape[0],), device=trajectory.device).long()
        noisy_trajectory = self.noise_scheduler.add_noise(trajectory, noise, timesteps)
        pred = self.model(noisy_trajectory, timesteps, cond)
        return F.mse_loss(pred, noise)
