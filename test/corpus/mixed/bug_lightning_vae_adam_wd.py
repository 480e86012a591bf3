# Idiom seen in: williamFalcon/pytorch-lightning-vae vae.py
# What it reproduces: the Lightning VAE (pl_bolts resnet18 encoder/decoder, fc_mu/fc_var, learned
# log_scale); the user adds --weight_decay and passes it to torch.optim.Adam over self.parameters():
# coupled L2 under Adam, on biases, BatchNorm and the likelihood scale too (user mistake).
import pytorch_lightning as pl
pl.seed_everything(1234)
from torch import nn
import torch
from pl_bolts.models.autoencoders.components import resnet18_decoder, resnet18_encoder
from pl_bolts.datamodules import CIFAR10DataModule, ImagenetDataModule
from image_plotting_callback import ImageSampler
from argparse import ArgumentParser


class VAE(pl.LightningModule):
    def __init__(self, enc_out_dim=512, latent_dim=256, input_height=32, lr=1e-4, weight_decay=1e-5):
        super().__init__()
        self.save_hyperparameters()

        self.encoder = resnet18_encoder(False, False)
        self.decoder = resnet18_decoder(
            latent_dim=latent_dim, input_height=input_height, first_conv=False, maxpool1=False)
        self.fc_mu = nn.Linear(enc_out_dim, latent_dim)
        self.fc_var = nn.Linear(enc_out_dim, latent_dim)
        self.log_scale = nn.Parameter(torch.Tensor([0.0]))

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr, weight_decay=self.hparams.weight_decay)  # expect: WD202, WD203

    def gaussian_likelihood(self, x_hat, logscale, x):
        dist = torch.distributions.Normal(x_hat, torch.exp(logscale))
        return dist.log_prob(x).sum(dim=(1, 2, 3))

    def kl_divergence(self, z, mu, std):
        p = torch.distributions.Normal(torch.zeros_like(mu), torch.ones_like(std))
        q = torch.distributions.Normal(mu, std)
        return (q.log_prob(z) - p.log_prob(z)).sum(-1)

    def training_step(self, batch, batch_idx):
        x, _ = batch
        x_encoded = self.encoder(x)
        mu, log_var = self.fc_mu(x_encoded), self.fc_var(x_encoded)
        std = torch.exp(log_var / 2)
        z = torch.distributions.Normal(mu, std).rsample()
        x_hat = self.decoder(z)

        recon_loss = self.gaussian_likelihood(x_hat, self.log_scale, x)
        kl = self.kl_divergence(z, mu, std)
        elbo = (kl - recon_loss).mean()
        self.log_dict({'elbo': elbo, 'kl': kl.mean(), 'recon_loss': recon_loss.mean()})
        return elbo


def train():
    parser = ArgumentParser()
    parser.add_argument('--gpus', type=int, default=None)
    parser.add_argument('--dataset', type=str, default='cifar10')
    parser.add_argument('--lr', type=float, default=1e-4)
    parser.add_argument('--weight_decay', type=float, default=1e-5)
    args = parser.parse_args()

    if args.dataset == 'cifar10':
        dataset = CIFAR10DataModule('.')
    else:
        dataset = ImagenetDataModule('.')

    vae = VAE(lr=args.lr, weight_decay=args.weight_decay)
    trainer = pl.Trainer(gpus=args.gpus, max_epochs=20, callbacks=[ImageSampler()])
    trainer.fit(vae, dataset)


if __name__ == '__main__':
    train()
