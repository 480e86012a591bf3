# Idiom seen in: dhis2-chap/chtorch chtorch/lightning_module.py
# Idiom seen in: dhis2-chap/chtorch chtorch/configuration.py
# What it reproduces: Lightning configure_optimizers building torch AdamW from _get_decay_dict(): biases and
# norm params in a weight_decay=0.0 group, embeddings in stronger-decay groups, weight_decay from a pydantic
# ModelConfiguration (1e-6). Decoupled decay, no decay on biases/norms: clean.
import logging
from typing import Any

import lightning as L
from torch import optim

from chtorch.configuration import ModelConfiguration

logger = logging.getLogger(__name__)


class DeepARLightningModule(L.LightningModule):
    def __init__(self, module, loss, cfg: ModelConfiguration = None):
        super().__init__()
        self.module = module
        self.loss = loss
        self.weight_decay = cfg.weight_decay
        self.learning_rate = cfg.learning_rate
        self.cfg = cfg
        self.save_hyperparameters(cfg.dict())

    def forward(self, *args: Any, **kwargs: Any) -> Any:
        return self.module(*args, **kwargs)

    def training_step(self, batch, batch_idx):
        eta, past_eta = self.module(batch.X, batch.locations)
        loss = self.loss(eta, batch.y, batch.population) + self.cfg.past_ratio * self.loss(
            past_eta, batch.past_y[:, 1:], batch.population)
        self.log("train_loss", loss, prog_bar=True, on_step=False, on_epoch=True)
        return loss

    def configure_optimizers(self):
        decay_dict = self._get_decay_dict()
        optimizer = optim.AdamW(decay_dict, lr=self.learning_rate)
        logger.info("Using learning rate %s", self.learning_rate)
        return optimizer

    def _get_decay_dict(self):
        decay, embed_decay, level_2_decay, no_decay = [], [], [], []
        for name, param in self.named_parameters():
            if not param.requires_grad:
                continue
            if name.endswith("bias") or "norm" in name.lower():
                no_decay.append(param)
            elif "embed" in name:
                (level_2_decay if ".0." in name else embed_decay).append(param)
            else:
                decay.append(param)
        return [
            {"params": decay, "weight_decay": self.weight_decay},
            {"params": embed_decay, "weight_decay": self.weight_decay * 10},
            {"params": level_2_decay, "weight_decay": self.weight_decay * 100},
            {"params": no_decay, "weight_decay": 0.0},
        ]
