# Idiom seen in: 0ksks/flightSITP_state NN/NnStructure.py
# What it reproduces: a LightningModule template taking an optimizer class (default optim.Adam) and an
# optimParams dict; the caller puts weight_decay in that dict and the training_step ALSO adds an L2 term
# on self.parameters(): double decay, coupled under Adam, biases included.
import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

from flight_data import FlightStateDataModule


class FlightStateNet(pl.LightningModule):
    def __init__(self, optimParams=None, optim_=optim.Adam, l2_lambda=0.0) -> None:
        super(FlightStateNet, self).__init__()
        self.optim = optim_
        self.optimParams = optimParams
        self.l2_lambda = l2_lambda
        self.encoder = nn.GRU(12, 64, batch_first=True)
        self.head = nn.Linear(64, 6)

    def forward(self, input_):
        out, _ = self.encoder(input_)
        return self.head(out[:, -1])

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = F.mse_loss(self(x), y)
        l2 = sum(p.pow(2).sum() for p in self.parameters())  # expect: WD201
        loss = loss + self.l2_lambda * l2
        self.log("train_loss", loss)
        return loss

    def configure_optimizers(self):
        if self.optimParams is not None:
            optimizer = self.optim(self.parameters(), **self.optimParams)  # expect: WD203
        else:
            optimizer = self.optim(self.parameters())
        return optimizer


if __name__ == "__main__":
    model = FlightStateNet(optimParams={"lr": 1e-3, "weight_decay": 1e-4}, l2_lambda=1e-4)  # expect: WD202
    trainer = pl.Trainer(max_epochs=30)
    trainer.fit(model, datamodule=FlightStateDataModule("data/flights.csv"))
