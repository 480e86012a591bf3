# Idiom seen in: golemfatherof/I i.py
# What it reproduces: a LightningModule whose training_step returns CE + l2_lambda * sum of squared params while
#   configure_optimizers builds momentum SGD(self.parameters(), weight_decay=5e-4): double decay (a user's mistake
#   in this idiom), and the single group also decays the Linear biases and BatchNorm1d params.
import pytorch_lightning as pl
import torch
from torch import nn

from data import MNISTDataModule


class LitModel(pl.LightningModule):
    def __init__(self, lr=0.05, l2_lambda=1e-4):
        super().__init__()
        self.save_hyperparameters()
        self.layer = nn.Sequential(
            nn.Flatten(),
            nn.Linear(28 * 28, 256),
            nn.BatchNorm1d(256),
            nn.ReLU(),
            nn.Linear(256, 10),
        )
        self.criterion = nn.CrossEntropyLoss()

    def forward(self, x):
        return self.layer(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = self.criterion(self(x), y)
        l2 = sum(p.pow(2).sum() for p in self.parameters())  # expect: WD201
        self.log("train_loss", loss)
        return loss + self.hparams.l2_lambda * l2

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=self.hparams.lr, momentum=0.9, weight_decay=5e-4)  # expect: WD203


if __name__ == '__main__':
    trainer = pl.Trainer(max_epochs=10)
    trainer.fit(LitModel(), datamodule=MNISTDataModule('./data', batch_size=128))
