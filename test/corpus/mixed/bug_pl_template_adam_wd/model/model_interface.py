# Idiom seen in: miracleyoo/pytorch-lightning-template model/model_interface.py
# Idiom seen in: miracleyoo/pytorch-lightning-template classification/main.py
# What it reproduces: MInterface.configure_optimizers gives Adam the --weight_decay (argparse default 1e-5) read from hparams:
# coupled L2 under Adam (WD202) on all of self.parameters(), BatchNorm and biases of the loaded StandardNet included (WD203). As in the repo.
import inspect
import importlib

import torch
from torch.nn import functional as F
import torch.optim.lr_scheduler as lrs
import pytorch_lightning as pl


class MInterface(pl.LightningModule):
    def __init__(self, model_name, loss, lr, **kargs):
        super().__init__()
        self.save_hyperparameters()
        self.load_model()
        self.configure_loss()

    def forward(self, img):
        return self.model(img)

    def training_step(self, batch, batch_idx):
        img, labels, _ = batch
        out = self(img)
        loss = self.loss_function(out, labels)
        self.log("loss", loss, on_step=True, on_epoch=True, prog_bar=True)
        return loss

    def validation_step(self, batch, batch_idx):
        img, labels, _ = batch
        out = self(img)
        acc = ((out > 0).float() == labels).float().mean()
        self.log("val_loss", self.loss_function(out, labels), on_step=False, on_epoch=True)
        self.log("val_acc", acc, on_step=False, on_epoch=True, prog_bar=True)

    def configure_optimizers(self):
        if hasattr(self.hparams, "weight_decay"):
            weight_decay = self.hparams.weight_decay
        else:
            weight_decay = 0
        optimizer = torch.optim.Adam(
            self.parameters(), lr=self.hparams.lr, weight_decay=weight_decay)  # expect: WD202, WD203

        if self.hparams.lr_scheduler is None:
            return optimizer
        if self.hparams.lr_scheduler == "step":
            scheduler = lrs.StepLR(optimizer, step_size=self.hparams.lr_decay_steps,
                                   gamma=self.hparams.lr_decay_rate)
        elif self.hparams.lr_scheduler == "cosine":
            scheduler = lrs.CosineAnnealingLR(optimizer, T_max=self.hparams.lr_decay_steps,
                                              eta_min=self.hparams.lr_decay_min_lr)
        else:
            raise ValueError("Invalid lr_scheduler type!")
        return [optimizer], [scheduler]

    def configure_loss(self):
        loss = self.hparams.loss.lower()
        if loss == "mse":
            self.loss_function = F.mse_loss
        elif loss == "bce":
            self.loss_function = F.binary_cross_entropy_with_logits
        else:
            raise ValueError("Invalid Loss Type!")

    def load_model(self):
        name = self.hparams.model_name
        camel_name = "".join([i.capitalize() for i in name.split("_")])
        Model = getattr(importlib.import_module("." + name, package=__package__), camel_name)
        self.model = self.instancialize(Model)

    def instancialize(self, Model, **other_args):
        class_args = inspect.getfullargspec(Model.__init__).args[1:]
        args1 = {arg: getattr(self.hparams, arg) for arg in class_args if arg in self.hparams.keys()}
        args1.update(other_args)
        return Model(**args1)
