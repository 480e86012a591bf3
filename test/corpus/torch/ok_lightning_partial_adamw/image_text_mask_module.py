# Idiom seen in: naamiinepal/tunevlseg src/models/image_text_mask_module.py
# Idiom seen in: naamiinepal/tunevlseg src/train.py
# What it reproduces: lightning-hydra-template module whose configure_optimizers applies the config's
#   AdamW partial to two groups built from the trainable parameters: matrices decayed, 1-D
#   parameters (biases, norm scales) at 0. Clean.
from typing import Any, Dict

import torch
import torch.nn.functional as F
from lightning import LightningModule


class ImageTextMaskModule(LightningModule):
    def __init__(self, net: torch.nn.Module, optimizer, scheduler=None, weight_decay: float = 0.05):
        super().__init__()
        self.save_hyperparameters(logger=False, ignore=["net"])
        self.net = net

    def forward(self, image, text):
        return self.net(image, text)

    def training_step(self, batch, batch_idx):
        logits = self(batch["image"], batch["text"])
        loss = F.binary_cross_entropy_with_logits(logits, batch["mask"])
        self.log("train/loss", loss, prog_bar=True)
        return loss

    def configure_optimizers(self) -> Dict[str, Any]:
        decay, no_decay = [], []
        for name, p in self.net.named_parameters():
            if not p.requires_grad:
                continue
            if p.ndim < 2 or name.endswith(".bias"):
                no_decay.append(p)
            else:
                decay.append(p)
        groups = [{"params": decay, "weight_decay": self.hparams.weight_decay},
                  {"params": no_decay, "weight_decay": 0.0}]
        optimizer = self.hparams.optimizer(params=groups)
        if self.hparams.scheduler is not None:
            scheduler = self.hparams.scheduler(optimizer=optimizer)
            return {"optimizer": optimizer,
                    "lr_scheduler": {"scheduler": scheduler, "interval": "epoch"}}
        return {"optimizer": optimizer}
