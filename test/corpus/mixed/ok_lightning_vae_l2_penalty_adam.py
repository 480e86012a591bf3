# Idiom seen in: williamFalcon/pytorch-lightning-vae vae.py
# What it reproduces: the Lightning VAE trained with plain torch.optim.Adam (no weight_decay); a small
# explicit L2 penalty on the fc_mu/fc_var weight matrices is added to the ELBO that training_step
# returns, so Lightning backpropagates it. Clean.
import pytorch_lightning as pl
import torch
from torch import nn
from pl_bolts.models.autoencoders.components import resnet18_decoder, resnet18_encoder
from pl_bolts.datamodules import CIFAR10DataModule
from argparse import ArgumentParser


class VAE(pl.LightningModule):
    def __init__(self, enc_out_dim=512, latent_dim=256, input_height=32, lr=1e-4, head_l2=1e-4):
        super().__init__()
        self.save_hyperparameters()
        self.encoder = resnet18_encoder(False, False)
        self.decoder = resnet18_decoder(latent_dim=latent_dim, input_height=input_height,
                                        first_conv=False, maxpool1=False)
        self.fc_mu = nn.Linear(enc_out_dim, latent_dim)
        self.fc_var = nn.Linear(enc_out_dim, latent_dim)
        self.log_scale = nn.Parameter(torch.Tensor([0.0]))

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)

    def training_step(self, batch, batch_idx):
        x, _ = batch
        h = self.encoder(x)
        mu, log_var = self.fc_mu(h), self.fc_var(h)
        std = torch.exp(log_var / 2)
        q = torch.distributions.Normal(mu, std)
        z = q.rsample()
        x_hat = self.decoder(z)

        recon = torch.distributions.Normal(x_hat, torch.exp(self.log_scale)).log_prob(x).sum(dim=(1, 2, 3))
        p = torch.distributions.Normal(torch.zeros_like(mu), torch.ones_like(std))
        kl = (q.log_prob(z) - p.log_prob(z)).sum(-1)
        elbo = (kl - recon).mean()

        head_l2 = self.fc_mu.weight.pow(2).sum() + self.fc_var.weight.pow(2).sum()
        loss = elbo + self.hparams.head_l2 * head_l2
        self.log_dict({'elbo': elbo, 'kl': kl.mean(), 'head_l2': head_l2})
        return loss


if __name__ == '__main__':
    parser = ArgumentParser()
    parser.add_argument('--gpus', type=int, default=None)
    parser.add_argument('--head_l2', type=float, default=1e-4)
    args = parser.parse_args()
    pl.seed_everything(1234)
    trainer = pl.Trainer(gpus=args.gpus, max_epochs=20)
    trainer.fit(VAE(head_l2=args.head_l2), CIFAR10DataModule('.'))
