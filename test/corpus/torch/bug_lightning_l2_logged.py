# Idiom seen in: Lightning-AI/pytorch-lightning src/lightning/pytorch/core/module.py (training_step / self.log)
# What it reproduces: a LightningModule regressor computes an explicit L2 penalty on its parameters and logs
# "train/total", but training_step returns the bare MSE: the penalty never reaches the loss Lightning
# backpropagates (WD104, user mistake). The optimizer itself has no weight_decay.
import argparse

import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F

from datamodules import TabularDataModule


class MLPRegressor(pl.LightningModule):
    def __init__(self, in_dim, hidden=256, lr=1e-3, l2_lambda=1e-4):
        super().__init__()
        self.save_hyperparameters()
        self.net = nn.Sequential(
            nn.Linear(in_dim, hidden), nn.ReLU(),
            nn.Linear(hidden, hidden), nn.ReLU(),
            nn.Linear(hidden, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)

    def training_step(self, batch, batch_idx):
        x, y = batch
        pred = self(x)
        mse = F.mse_loss(pred, y)
        l2 = self.hparams.l2_lambda * sum(p.pow(2).sum() for p in self.net.parameters())  # expect: WD104
        total = mse + l2
        self.log("train/mse", mse, prog_bar=True)
        self.log("train/total", total)
        return mse

    def validation_step(self, batch, batch_idx):
        x, y = batch
        self.log("val/mse", F.mse_loss(self(x), y), prog_bar=True)

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", default="data/house_prices.csv")
    parser.add_argument("--l2_lambda", type=float, default=1e-4)
    parser.add_argument("--max_epochs", type=int, default=100)
    args = parser.parse_args()

    dm = TabularDataModule(args.csv, batch_size=256)
    dm.setup()
    model = MLPRegressor(in_dim=dm.num_features, l2_lambda=args.l2_lambda)
    trainer = pl.Trainer(max_epochs=args.max_epochs, accelerator="auto")
    trainer.fit(model, datamodule=dm)


if __name__ == "__main__":
    main()
