# Idiom seen in: AntixK/PyTorch-VAE models/vanilla_vae.py (loss_function returning a dict of named losses)
# What it reproduces: a VAE whose loss_function also computes an L2 penalty on the decoder's conv weights,
# but only reports it in the dict ('Decoder_L2', detached); 'loss' = recons + kld_weight * kld leaves it
# out, so the decay never reaches the loss that Lightning backpropagates (WD104).
from typing import List

import torch
import torch.nn.functional as F
from torch import nn


class VanillaVAE(nn.Module):
    def __init__(self, in_channels: int, latent_dim: int, hidden_dims: List[int] = None,
                 dec_l2_weight: float = 1e-4, **kwargs) -> None:
        super(VanillaVAE, self).__init__()
        self.latent_dim = latent_dim
        self.dec_l2_weight = dec_l2_weight
        hidden_dims = hidden_dims or [32, 64, 128, 256, 512]

        modules = []
        for h_dim in hidden_dims:
            modules.append(nn.Sequential(
                nn.Conv2d(in_channels, h_dim, kernel_size=3, stride=2, padding=1),
                nn.BatchNorm2d(h_dim), nn.LeakyReLU()))
            in_channels = h_dim
        self.encoder = nn.Sequential(*modules)
        self.fc_mu = nn.Linear(hidden_dims[-1] * 4, latent_dim)
        self.fc_var = nn.Linear(hidden_dims[-1] * 4, latent_dim)

        self.decoder_input = nn.Linear(latent_dim, hidden_dims[-1] * 4)
        rev = hidden_dims[::-1]
        modules = []
        for i in range(len(rev) - 1):
            modules.append(nn.Sequential(
                nn.ConvTranspose2d(rev[i], rev[i + 1], kernel_size=3, stride=2, padding=1, output_padding=1),
                nn.BatchNorm2d(rev[i + 1]), nn.LeakyReLU()))
        self.decoder = nn.Sequential(*modules)
        self.final_layer = nn.Sequential(
            nn.ConvTranspose2d(rev[-1], rev[-1], kernel_size=3, stride=2, padding=1, output_padding=1),
            nn.BatchNorm2d(rev[-1]), nn.LeakyReLU(),
            nn.Conv2d(rev[-1], 3, kernel_size=3, padding=1), nn.Tanh())

    def encode(self, x):
        h = torch.flatten(self.encoder(x), start_dim=1)
        return self.fc_mu(h), self.fc_var(h)

    def decode(self, z):
        h = self.decoder_input(z).view(-1, 512, 2, 2)
        return self.final_layer(self.decoder(h))

    def forward(self, x, **kwargs):
        mu, log_var = self.encode(x)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * log_var)
        return [self.decode(z), x, mu, log_var]

    def loss_function(self, *args, **kwargs) -> dict:
        recons, x, mu, log_var = args
        kld_weight = kwargs["M_N"]
        recons_loss = F.mse_loss(recons, x)
        kld_loss = torch.mean(-0.5 * torch.sum(1 + log_var - mu ** 2 - log_var.exp(), dim=1), dim=0)
        dec_l2 = self.dec_l2_weight * sum(m.weight.pow(2).sum() for m in self.decoder.modules() if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)))  # expect: WD104

        loss = recons_loss + kld_weight * kld_loss
        return {"loss": loss, "Reconstruction_Loss": recons_loss.detach(),
                "KLD": -kld_loss.detach(), "Decoder_L2": dec_l2.detach()}
