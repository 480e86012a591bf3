# Idiom seen in: AmrMKayid/nam nam/engine/engine.py
# What it reproduces: the NAM LightningModule whose configure_optimizers passes config.decay_rate (0.995, a
#   learning-rate decay factor) as Adam's weight_decay over self.parameters(): coupled L2 under Adam (WD202)
#   on every bias too (WD203), as in the real repo.
import pytorch_lightning as pl
import torch
from torch import nn

from losses import penalized_loss


class Engine(pl.LightningModule):

    def __init__(self, config, model: nn.Module) -> None:
        super().__init__()
        self.config = config
        self.model = model

        self.loss = lambda inputs, targets: penalized_loss(self.config, self.model, inputs, targets)

        self.save_hyperparameters(vars(self.config))

    def forward(self, inputs: torch.Tensor) -> torch.Tensor:
        return self.model(inputs)

    def configure_optimizers(self):
        optimizer = torch.optim.Adam(
            self.parameters(),  # expect: WD203
            lr=self.config.lr,
            weight_decay=self.config.decay_rate,  # expect: WD202
        )
        return optimizer

    def training_step(self, batch, batch_idx):
        inputs, targets = batch
        loss = self.loss(inputs, targets.squeeze())
        self.log('train_loss', loss)
        return {'loss': loss}

    def validation_step(self, batch, batch_idx):
        inputs, targets = batch
        loss = self.loss(inputs, targets.squeeze())
        self.log('val_loss', loss)
        return loss
