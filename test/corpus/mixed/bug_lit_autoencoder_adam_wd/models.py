# Idiom seen in: ITHwang/torch-cookbook lightning/train.py
# Idiom seen in: ITHwang/torch-cookbook lightning/cli/models/models.py
# What it reproduces: the cookbook's MNIST LitAutoEncoder, with a `weight_decay` hyperparameter added the way
#   users usually do it: passed straight to torch.optim.Adam on self.parameters(). That is coupled L2 under Adam
#   (not AdamW) and it also decays every Linear bias (the repo itself used plain Adam without decay).
import torch
import torch.nn.functional as F
from torch import nn
import lightning as L


class Encoder(nn.Module):
    def __init__(self, latent_dim: int = 3):
        super().__init__()
        self.l1 = nn.Sequential(nn.Linear(28 * 28, 64), nn.ReLU(), nn.Linear(64, latent_dim))

    def forward(self, x):
        return self.l1(x)


class Decoder(nn.Module):
    def __init__(self, latent_dim: int = 3):
        super().__init__()
        self.l1 = nn.Sequential(nn.Linear(latent_dim, 64), nn.ReLU(), nn.Linear(64, 28 * 28))

    def forward(self, x):
        return self.l1(x)


class LitAutoEncoder(L.LightningModule):
    def __init__(self, latent_dim: int = 3, learning_rate: float = 1e-3, weight_decay: float = 1e-5):
        super().__init__()
        self.save_hyperparameters()
        self.encoder = Encoder(latent_dim)
        self.decoder = Decoder(latent_dim)

    def forward(self, x):
        x = x.view(x.size(0), -1)
        return self.decoder(self.encoder(x))

    def _shared_step(self, batch):
        x, _ = batch
        x = x.view(x.size(0), -1)
        x_hat = self.decoder(self.encoder(x))
        return F.mse_loss(x_hat, x)

    def training_step(self, batch, batch_idx):
        loss = self._shared_step(batch)
        self.log("train_loss", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        self.log("val_loss", self._shared_step(batch))

    def test_step(self, batch, batch_idx):
        self.log("test_loss", self._shared_step(batch))

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.learning_rate, weight_decay=self.hparams.weight_decay)  # expect: WD202, WD203
