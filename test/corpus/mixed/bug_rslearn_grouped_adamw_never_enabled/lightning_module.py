# Idiom seen in: allenai/rslearn rslearn/train/lightning_module.py
# What it reproduces: the LightningModule that defaults its optimizer factory and calls
#   `self.optimizer_factory.build(self)` in configure_optimizers.
import logging

import lightning as L
import torch

from optimizer import GroupedAdamW, OptimizerFactory

logger = logging.getLogger(__name__)


class SegmentationLightningModule(L.LightningModule):
    def __init__(self, model: torch.nn.Module, lr: float = 1e-3, optimizer: OptimizerFactory | None = None):
        super().__init__()
        self.model = model
        if optimizer:
            self.optimizer_factory = optimizer
        else:
            logger.warning("Defaulting the optimizer to GroupedAdamW since an OptimizerFactory was not provided.")
            self.optimizer_factory = GroupedAdamW(lr=lr)

    def training_step(self, batch, batch_idx):
        images, targets = batch
        logits = self.model(images)
        loss = torch.nn.functional.cross_entropy(logits, targets, ignore_index=255)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def configure_optimizers(self):
        optimizer = self.optimizer_factory.build(self)
        scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.2, patience=2)
        return {"optimizer": optimizer, "lr_scheduler": {"scheduler": scheduler, "monitor": "train_loss", "interval": "epoch"}}
