# Idiom seen in: SebastianCallh/nimbo-pytorch-setup my_project/model.py
# What it reproduces: a small pl.LightningModule (training_step returns the loss, Adam in configure_optimizers) to
# which the user adds an explicit L2 on the weights but subtracts it: the penalty rewards large weights (WD302).
# Realistic user mistake in the repo's idiom (the repo itself has no penalty).
import argparse

import pytorch_lightning as pl
import torch
from torch import nn
from torch.nn import functional as F

from my_project.data import MNISTDataModule


class MyModel(pl.LightningModule):
    def __init__(self, lr=0.02, l2=1e-4):
        super().__init__()
        self.save_hyperparameters()
        self.l1 = nn.Linear(28 * 28, 256)
        self.l2 = nn.Linear(256, 10)

    def forward(self, x):
        h = torch.relu(self.l1(x.view(x.size(0), -1)))
        return self.l2(h)

    def training_step(self, batch, batch_idx):
        x, y = batch
        y_hat = self(x)
        l2_norm = sum(p.pow(2).sum() for name, p in self.named_parameters() if "weight" in name)
        loss = F.cross_entropy(y_hat, y) - self.hparams.l2 * l2_norm  # expect: WD302
        self.log("training/loss", loss)
        return loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--max_epochs", type=int, default=5)
    args = parser.parse_args()
    trainer = pl.Trainer(max_epochs=args.max_epochs)
    trainer.fit(MyModel(), datamodule=MNISTDataModule(batch_size=128))
