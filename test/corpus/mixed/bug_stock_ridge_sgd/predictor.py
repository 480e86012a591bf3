# Idiom seen in: Tiburso/StockPredictor src/model/predictor.py
# Idiom seen in: Tiburso/StockPredictor src/model/main.py
# What it reproduces: the linear Baseline LightningModule is switched to plain SGD with weight_decay set to the
#   sklearn Ridge alpha (10.0) it is compared against; with lr 0.1, lr*wd = 1.0 zeroes the weights each step,
#   and the single group also decays the Linear bias (user mistake in the repo idiom).
import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.optim as optim

from hparams import LEARNING_RATE, RIDGE_ALPHA


class Baseline(pl.LightningModule):
    """Baseline model for time series forecasting"""

    def __init__(self, input_size, output_size):
        super().__init__()
        self.linear = nn.Linear(input_size, output_size)

    def forward(self, x):
        return self.linear(x)

    def training_step(self, batch, batch_idx):
        X, y = batch
        loss = torch.nn.functional.mse_loss(self(X), y)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def evaluate(self, batch, stage=None):
        x, y = batch
        loss = torch.nn.functional.mse_loss(self(x), y)
        if stage:
            self.log(f"{stage}_loss", loss, prog_bar=True)

    def validation_step(self, batch, batch_idx):
        self.evaluate(batch, "val")

    def test_step(self, batch, batch_idx):
        self.evaluate(batch, "test")

    def configure_optimizers(self):
        # same regularisation strength as sklearn.linear_model.Ridge(alpha=RIDGE_ALPHA)
        optimizer = optim.SGD(self.parameters(), lr=LEARNING_RATE, weight_decay=RIDGE_ALPHA)  # expect: WD203
        return optimizer
