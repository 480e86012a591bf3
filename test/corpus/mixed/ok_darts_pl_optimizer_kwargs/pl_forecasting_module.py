# Idiom seen in: unit8co/darts darts/models/forecasting/pl_forecasting_module.py
# What it reproduces: PLForecastingModule stores optimizer_cls (torch.optim.Adam by default) and a kwargs
# dict, and configure_optimizers copies the dict, adds params=self.parameters() and calls cls(**kws); the
# decay, if any, is whatever the caller's optimizer_kwargs hold.
from abc import ABC, abstractmethod
from typing import Any, Dict, Optional

import pytorch_lightning as pl
import torch
import torch.nn as nn


class PLForecastingModule(pl.LightningModule, ABC):
    def __init__(self, input_chunk_length: int, output_chunk_length: int, loss_fn: nn.modules.loss._Loss = nn.MSELoss(),
                 optimizer_cls: torch.optim.Optimizer = torch.optim.Adam,
                 optimizer_kwargs: Optional[Dict] = None,
                 lr_scheduler_cls: Optional[Any] = None, lr_scheduler_kwargs: Optional[Dict] = None):
        super().__init__()
        self.save_hyperparameters(ignore=["loss_fn"])
        self.input_chunk_length = input_chunk_length
        self.output_chunk_length = output_chunk_length
        self.criterion = loss_fn
        self.optimizer_cls = optimizer_cls
        self.optimizer_kwargs = dict() if optimizer_kwargs is None else optimizer_kwargs
        self.lr_scheduler_cls = lr_scheduler_cls
        self.lr_scheduler_kwargs = dict() if lr_scheduler_kwargs is None else lr_scheduler_kwargs

    @abstractmethod
    def forward(self, *args, **kwargs) -> Any:
        pass

    def training_step(self, train_batch, batch_idx) -> torch.Tensor:
        output = self._produce_train_output(train_batch[:-1])
        target = train_batch[-1]
        loss = self.criterion(output, target)
        self.log("train_loss", loss, batch_size=train_batch[0].shape[0], prog_bar=True, sync_dist=True)
        return loss

    def validation_step(self, val_batch, batch_idx) -> torch.Tensor:
        output = self._produce_train_output(val_batch[:-1])
        loss = self.criterion(output, val_batch[-1])
        self.log("val_loss", loss, batch_size=val_batch[0].shape[0], prog_bar=True, sync_dist=True)
        return loss

    def configure_optimizers(self):
        def _create_from_cls_and_kwargs(cls, kws):
            try:
                return cls(**kws)
            except (TypeError, ValueError) as e:
                raise ValueError(f"Error when building the optimizer; class: {cls}, kwargs: {kws}, error: {e}")

        optimizer_kws = {k: v for k, v in self.optimizer_kwargs.items()}
        optimizer_kws["params"] = self.parameters()
        optimizer = _create_from_cls_and_kwargs(self.optimizer_cls, optimizer_kws)

        if self.lr_scheduler_cls is not None:
            lr_sched_kws = {k: v for k, v in self.lr_scheduler_kwargs.items()}
            lr_sched_kws["optimizer"] = optimizer
            lr_monitor = lr_sched_kws.pop("monitor", None)
            lr_scheduler = _create_from_cls_and_kwargs(self.lr_scheduler_cls, lr_sched_kws)
            return [optimizer], {"scheduler": lr_scheduler,
                                 "monitor": lr_monitor if lr_monitor is not None else "val_loss"}
        return optimizer

    @abstractmethod
    def _produce_train_output(self, input_batch):
        pass
