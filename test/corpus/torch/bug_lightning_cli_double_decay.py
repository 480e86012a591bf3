# Idiom seen in: MatteoFasulo/LightningTests main.py (LiteAutoEncoder with lr / w_decay, LightningCLI entry)
# What it reproduces: a LightningModule whose configure_optimizers already uses AdamW(weight_decay=w_decay)
# over self.parameters() (biases included: WD203), and whose training_step also adds an explicit
# l2_lambda * sum(p^2) over the same parameters to the returned loss: double decay (WD201).
import os

import torch
from torch import optim, nn
from torch.utils.data import DataLoader, random_split
from torchvision.datasets import MNIST
from torchvision import transforms

import lightning as L
from lightning.pytorch.cli import LightningCLI

SEED = 42
L.seed_everything(SEED)


class LiteAutoEncoder(L.LightningModule):
    def __init__(self, lr: float = 1e-3, w_decay: float = 1e-5, l2_lambda: float = 1e-4):
        super().__init__()
        self.lr = lr
        self.w_decay = w_decay
        self.l2_lambda = l2_lambda
        self.encoder = nn.Sequential(nn.Linear(28 * 28, 64), nn.ReLU(), nn.Linear(64, 3))
        self.decoder = nn.Sequential(nn.Linear(3, 64), nn.ReLU(), nn.Linear(64, 28 * 28))
        self.save_hyperparameters()

    def forward(self, x):
        return self.decoder(self.encoder(x))

    def _recon_loss(self, batch):
        x, _ = batch
        x = x.view(x.size(0), -1)
        return nn.functional.mse_loss(self(x), x)

    def training_step(self, batch, batch_idx):
        recon = self._recon_loss(batch)
        loss = recon + self.l2_lambda * sum(p.pow(2).sum() for p in self.parameters())  # expect: WD201
        self.log("train_recon", recon, prog_bar=True)
        self.log("train_loss", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        self.log("val_loss", self._recon_loss(batch), prog_bar=True)

    def configure_optimizers(self):
        optimizer = optim.AdamW(self.parameters(), lr=self.lr, weight_decay=self.w_decay)  # expect: WD203
        return optimizer


class MNISTDataModule(L.LightningDataModule):
    def __init__(self, data_dir: str = os.getcwd(), batch_size: int = 32):
        super().__init__()
        self.data_dir = data_dir
        self.batch_size = batch_size
        self.transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.1307,), (0.3081,))])

    def setup(self, stage: str):
        if stage == "fit":
            full = MNIST(self.data_dir, train=True, transform=self.transform)
            self.mnist_train, self.mnist_val = random_split(
                full, [55000, 5000], generator=torch.Generator().manual_seed(SEED))

    def train_dataloader(self):
        return DataLoader(self.mnist_train, batch_size=self.batch_size, shuffle=True)

    def val_dataloader(self):
        return DataLoader(self.mnist_val, batch_size=self.batch_size)


def cli_main():
    LightningCLI(LiteAutoEncoder, MNISTDataModule)


if __name__ == "__main__":
    cli_main()
