# Idiom seen in: zmgong/nam_with_attention nam/trainer/litnam.py
# What it reproduces: the LightningModule of the NAM port: the criterion is the penalized loss closure, and
#   configure_optimizers hands `weight_decay=self.config.decay_rate` (0.995, meant as the TF version's
#   learning-rate decay) to AdamW over self.parameters(), next to a hard-coded StepLR(gamma=0.995).
# label-note: WD203 on the AdamW line (params and weight_decay on one line): ExU/Linear biases and the global
#   _bias are in the single decayed group. No WD202 (AdamW is decoupled). lr*wd = 0.01*0.995 < 1, no WD301.
#   The WD201 of the double decay is labelled on the explicit penalty in nam/losses.py.
import pytorch_lightning as pl
import torch
from torch import nn

from nam.losses import make_penalized_loss_func


class LitNAM(pl.LightningModule):
    def __init__(self, config, model: nn.Module) -> None:
        super().__init__()
        self.config = config
        self.model = model
        self.criterion = make_penalized_loss_func(
            self.model, config.regression, config.output_regularization, config.l2_regularization)
        self.save_hyperparameters(vars(self.config))

    def forward(self, inputs):
        return self.model(inputs)

    def configure_optimizers(self):
        optimizer = torch.optim.AdamW(self.parameters(), lr=self.config.lr, weight_decay=self.config.decay_rate)  # expect: WD203
        scheduler = torch.optim.lr_scheduler.StepLR(optimizer, gamma=0.995, step_size=1)
        return [optimizer], [scheduler]

    def training_step(self, batch, batch_idx):
        features, targets = batch
        logits, fnns_out = self.model(features)
        loss = self.criterion(logits, targets, fnns_out)
        self.log("train_loss", loss, on_step=True, on_epoch=True, prog_bar=True)
        return loss

    def validation_step(self, batch, batch_idx):
        features, targets = batch
        logits, fnns_out = self.model(features)
        loss = self.criterion(logits, targets, fnns_out)
        self.log("val_loss", loss, on_epoch=True)
        return {"val_loss": loss}
