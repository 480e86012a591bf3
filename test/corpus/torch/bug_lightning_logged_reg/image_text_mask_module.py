# Idiom seen in: naamiinepal/tunevlseg src/models/image_text_mask_module.py
# Idiom seen in: naamiinepal/tunevlseg src/train.py
# What it reproduces: realistic user mistake in the lightning-hydra-template module (optimizer partial applied in
#   configure_optimizers); the L2 term on the trainable context learner is computed in training_step
#   but only logged: the returned loss is the bare segmentation loss.
from typing import Any, Dict

import torch
import torch.nn.functional as F
from lightning import LightningModule


class ImageTextMaskModule(LightningModule):
    def __init__(self, net: torch.nn.Module, optimizer, scheduler=None,
                 l2_weight: float = 1e-4, compile: bool = False):
        super().__init__()
        self.save_hyperparameters(logger=False, ignore=["net"])
        self.net = net

    def forward(self, image, text):
        return self.net(image, text)

    def training_step(self, batch, batch_idx):
        logits = self(batch["image"], batch["text"])
        seg_loss = F.binary_cross_entropy_with_logits(logits, batch["mask"])
        l2 = sum(p.pow(2).sum() for p in self.net.context_learner.parameters())
        reg_loss = self.hparams.l2_weight * l2  # expect: WD104
        self.log("train/seg_loss", seg_loss, prog_bar=True)
        self.log("train/reg_loss", reg_loss)
        return seg_loss

    def configure_optimizers(self) -> Dict[str, Any]:
        optimizer = self.hparams.optimizer(params=self.trainer.model.parameters())
        if self.hparams.scheduler is not None:
            scheduler = self.hparams.scheduler(optimizer=optimizer)
            return {"optimizer": optimizer,
                    "lr_scheduler": {"scheduler": scheduler, "monitor": "val/loss",
                                     "interval": "epoch", "frequency": 1}}
        return {"optimizer": optimizer}
