# Idiom seen in: sktime/pytorch-forecasting pytorch_forecasting/models/base/_base_model.py
# Idiom seen in: sktime/pytorch-forecasting examples/nbeats.py
# What it reproduces: the Lightning BaseModel stores weight_decay/optimizer in hparams and
# configure_optimizers builds torch.optim.Adam(self.parameters(), weight_decay=self.hparams.weight_decay):
# with weight_decay=1e-2 from the N-BEATS example this is strong coupled L2 on every parameter.
from typing import Any, Dict, List, Optional, Union

import lightning.pytorch as pl
import numpy as np
import torch
from torch.optim.lr_scheduler import LambdaLR, ReduceLROnPlateau

from metrics import MASE


class BaseModel(pl.LightningModule):
    def __init__(
        self,
        log_interval: Union[int, float] = -1,
        log_val_interval: Union[int, float] = None,
        learning_rate: Union[float, List[float]] = 1e-3,
        log_gradient_flow: bool = False,
        loss=None,
        reduce_on_plateau_patience: int = 1000,
        reduce_on_plateau_reduction: float = 2.0,
        reduce_on_plateau_min_lr: float = 1e-5,
        weight_decay: float = 0.0,
        optimizer_params: Dict[str, Any] = None,
        optimizer: str = "adam",
    ):
        super().__init__()
        self.save_hyperparameters(ignore=["loss"])
        self.loss = loss if loss is not None else MASE()

    def training_step(self, batch, batch_idx):
        x, y = batch
        out = self(x)
        loss = self.loss(out["prediction"], y[0])
        self.log("train_loss", loss, on_step=True, on_epoch=True, prog_bar=True)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        out = self(x)
        loss = self.loss(out["prediction"], y[0])
        self.log("val_loss", loss, on_epoch=True)
        return loss

    def configure_optimizers(self):
        if self.hparams.optimizer_params is None:
            optimizer_params = {}
        else:
            optimizer_params = self.hparams.optimizer_params
        lrs = self.hparams.learning_rate
        if isinstance(lrs, (list, tuple)):
            lr = lrs[0]
        else:
            lr = lrs

        if self.hparams.optimizer == "adam":
            optimizer = torch.optim.Adam(
                self.parameters(),  # expect: WD203
                lr=lr,
                weight_decay=self.hparams.weight_decay,  # expect: WD202
                **optimizer_params,
            )
        else:
            raise ValueError(f"Optimizer of self.hparams.optimizer={self.hparams.optimizer} unknown")

        if isinstance(lrs, (list, tuple)):
            lrs = np.array(lrs) / lrs[0]
            scheduler_config = {
                "scheduler": LambdaLR(optimizer, lambda epoch: lrs[min(epoch, len(lrs) - 1)]),
                "interval": "epoch",
            }
        else:
            scheduler_config = {
                "scheduler": ReduceLROnPlateau(
                    optimizer,
                    mode="min",
                    factor=1.0 / self.hparams.reduce_on_plateau_reduction,
                    patience=self.hparams.reduce_on_plateau_patience,
                    min_lr=self.hparams.reduce_on_plateau_min_lr,
                ),
                "monitor": "val_loss",
                "interval": "epoch",
            }
        return {"optimizer": optimizer, "lr_scheduler": scheduler_config}
