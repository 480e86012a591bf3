# Idiom seen in: repository not resolved by the code index (a code-search excerpt of a small Lightning
#   wrapper `class LRNet(L.LightningModule)` taking `penalty=None, lbd=0.1` around a rate model)
# What it reproduces: the weight penalty is computed in training_step and returned as an extra key of the
#   output dict; Lightning backpropagates only the "loss" key, so the penalty is logged but never trained on.
# label-note: WD104 on the line computing the penalty; the optimizer has no weight_decay, so nothing else.
import lightning as L
import torch
from torch import nn, optim

from rate_models import build_rate_model
from datamodules import PulseDataModule


class LRNet(L.LightningModule):
    def __init__(self, model, lr=0.01, penalty="l2", lbd=0.1):
        super().__init__()
        self.model = model
        self.readout = nn.Linear(model.hidden_size, 1)
        self.lr = lr
        self.penalty = penalty
        self.lbd = lbd
        self.criterion = nn.BCEWithLogitsLoss()

    def forward(self, ff_input):
        rates = self.model(ff_input)
        return self.readout(rates)[:, -1, :]

    def training_step(self, batch, batch_idx):
        x, y = batch
        y_pred = self(x)
        loss = self.criterion(y_pred, y)
        out = {"loss": loss}
        if self.penalty == "l2":
            reg = self.lbd * sum(p.pow(2).sum() for n, p in self.named_parameters() if n.endswith("weight"))  # expect: WD104
            out["reg"] = reg
            self.log("train_reg", reg)
        self.log("train_loss", loss, prog_bar=True)
        return out

    def validation_step(self, batch, batch_idx):
        x, y = batch
        self.log("val_loss", self.criterion(self(x), y), prog_bar=True)

    def configure_optimizers(self):
        return optim.Adam(self.parameters(), lr=self.lr)


if __name__ == "__main__":
    torch.manual_seed(0)
    net = LRNet(build_rate_model("ei_balanced", hidden_size=500), lr=1e-3, penalty="l2", lbd=1e-3)
    trainer = L.Trainer(max_epochs=50, accelerator="auto")
    trainer.fit(net, datamodule=PulseDataModule(batch_size=64))
