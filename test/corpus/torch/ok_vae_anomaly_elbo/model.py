# Idiom seen in: heuer-ja/uni23ss_VAE-anomaly-detection code/scripts/model.py
# What it reproduces: a probabilistic VAE for tabular anomaly detection (KDD Cup 99) whose forward() returns a
#   dict of losses. Clean: the L2 term on the Linear weights is SUBTRACTED from the ELBO, and the loss is
#   -ELBO, so the penalty enters the minimized loss with a plus sign (positive decay).
import torch
import torch.nn as nn
from torch import Tensor
from torch.distributions import Normal, kl_divergence
from torch.nn.functional import softplus


class VAE_Tabular(nn.Module):
    def __init__(self, io_size=121, latent_size=10, l2_coef=1e-4):
        super().__init__()
        self.io_size = io_size
        self.latent_size = latent_size
        self.L = 10  # number of latent samples
        self.l2_coef = l2_coef
        self.prior = Normal(0, 1)
        self.encoder = nn.Sequential(
            nn.Linear(io_size, io_size // 2), nn.ReLU(),
            nn.Linear(io_size // 2, io_size // 4), nn.ReLU(),
        )
        self.latent_mu = nn.Linear(io_size // 4, latent_size)
        self.latent_sigma = nn.Linear(io_size // 4, latent_size)
        self.decoder = nn.Sequential(
            nn.Linear(latent_size, io_size // 4), nn.ReLU(),
            nn.Linear(io_size // 4, io_size // 2), nn.ReLU(),
        )
        self.recon_mu = nn.Linear(io_size // 2, io_size)
        self.recon_sigma = nn.Linear(io_size // 2, io_size)

    def forward(self, x: Tensor) -> dict:
        pred = self.predict(x.float())
        return dict(**self.get_loss(x.float(), pred), **pred)

    def predict(self, x):
        batch_size = len(x)
        h = self.encoder(x)
        dist = Normal(self.latent_mu(h), softplus(self.latent_sigma(h)))
        z = dist.rsample([self.L]).view(self.L * batch_size, self.latent_size)
        decoded = self.decoder(z)
        recon_mu = self.recon_mu(decoded).view(self.L, batch_size, self.io_size)
        recon_sigma = softplus(self.recon_sigma(decoded)).view(self.L, batch_size, self.io_size)
        return dict(latent_dist=dist, z=z, recon_mu=recon_mu, recon_sigma=recon_sigma)

    def weight_penalty(self):
        return sum(m.weight.pow(2).sum() for m in self.modules() if isinstance(m, nn.Linear))

    def get_loss(self, x, pred):
        x = x.unsqueeze(0)
        log_lik = Normal(pred['recon_mu'], pred['recon_sigma']).log_prob(x).mean(dim=0).mean(dim=0).sum()
        kl = kl_divergence(pred['latent_dist'], self.prior).mean(dim=0).sum()
        l2 = self.weight_penalty()
        elbo = log_lik - kl - self.l2_coef * l2
        loss = -elbo
        return dict(loss=loss, kl=kl, recon_loss=log_lik, l2=l2)

    def reconstruction_probability(self, x):
        with torch.no_grad():
            pred = self.predict(x.float())
        return Normal(pred['recon_mu'], pred['recon_sigma']).log_prob(x.float().unsqueeze(0)).exp().mean(dim=0).mean(dim=-1)
