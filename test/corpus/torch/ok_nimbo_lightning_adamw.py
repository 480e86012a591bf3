# Idiom seen in: SebastianCallh/nimbo-pytorch-setup my_project/model.py
# What it reproduces: the same small LightningModule grown into a conv net; configure_optimizers builds AdamW with a
# decay group (weights with ndim > 1) and a no-decay group (biases, BatchNorm). training_step returns the loss. Clean.
import pytorch_lightning as pl
import torch
from torch import nn
from torch.nn import functional as F

from my_project.data import CIFARDataModule


class MyModel(pl.LightningModule):
    def __init__(self, lr=1e-3, weight_decay=0.05):
        super().__init__()
        self.save_hyperparameters()
        self.features = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
        )
        self.fc = nn.Linear(64, 10)

    def forward(self, x):
        return self.fc(self.features(x).flatten(1))

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = F.cross_entropy(self(x), y)
        self.log("training/loss", loss)
        return loss

    def configure_optimizers(self):
        decay = [p for p in self.parameters() if p.ndim > 1]
        no_decay = [p for p in self.parameters() if p.ndim <= 1]
        return torch.optim.AdamW(
            [{"params": decay, "weight_decay": self.hparams.weight_decay},
             {"params": no_decay, "weight_decay": 0.0}],
            lr=self.hparams.lr,
        )


if __name__ == "__main__":
    pl.Trainer(max_epochs=30).fit(MyModel(), datamodule=CIFARDataModule(batch_size=256))
