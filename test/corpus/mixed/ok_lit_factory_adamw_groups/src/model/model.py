# Idiom seen in: Iarrova/lightning-template src/model/model.py
# Idiom seen in: Iarrova/lightning-template src/model/optimizers.py
# What it reproduces: a Lightning Model whose configure_optimizers goes through an OptimizerFactory (StrEnum match); the AdamW case
# receives two parameter groups, rank>1 tensors decayed and biases/norm weights at 0.0. Clean (the repo factory only had Adam).
import lightning as L
import torch.nn as nn
from torch.optim.lr_scheduler import ReduceLROnPlateau

from src.config import Config
from src.model.optimizers import OptimizerFactory, param_groups
from src.networks import create_network


class Model(L.LightningModule):
    def __init__(self, config: Config, num_classes: int):
        super().__init__()
        self.config = config
        self.num_classes = num_classes
        self.network = create_network(config.network, num_classes)
        self.criterion = nn.CrossEntropyLoss(label_smoothing=0.1)

    def forward(self, x):
        return self.network(x)

    def _shared_step(self, batch, stage: str):
        inputs, target = batch
        output = self.network(inputs)
        loss = self.criterion(output, target)
        acc = (output.argmax(dim=1) == target).float().mean()
        self.log(f"{stage}_loss", loss, on_step=False, on_epoch=True, prog_bar=True, logger=True)
        self.log(f"{stage}_acc", acc, on_step=False, on_epoch=True, prog_bar=True, logger=True)
        return loss

    def training_step(self, batch, batch_idx):
        return self._shared_step(batch, "train")

    def validation_step(self, batch, batch_idx):
        return self._shared_step(batch, "val")

    def configure_optimizers(self):
        optimizer = OptimizerFactory.create(
            param_groups(self.network, self.config.training.weight_decay),
            self.config.training.optimizer,
            self.config.training.learning_rate,
        )
        scheduler = ReduceLROnPlateau(optimizer, patience=self.config.training.scheduler_patience,
                                      factor=self.config.training.scheduler_factor)
        return {
            "optimizer": optimizer,
            "lr_scheduler": {"scheduler": scheduler, "monitor": "val_loss", "interval": "epoch", "frequency": 1},
        }
