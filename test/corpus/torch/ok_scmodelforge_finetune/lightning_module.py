# Idiom seen in: EhsanRS/scModelForge src/scmodelforge/finetuning/lightning_module.py
# What it reproduces: a LightningModule with discriminative learning rates: backbone and head parameters each
#   split by name keywords ("bias", "layer_norm", "LayerNorm", "layernorm") into decay / no-decay groups,
#   frozen backbone parameters kept in the optimizer for gradual unfreezing, AdamW for name "adamw". Clean.
from typing import Any

import lightning.pytorch as pl
import torch

from scheduler import build_scheduler


class FineTuneLightningModule(pl.LightningModule):
    def __init__(self, model, optimizer_config, scheduler_config=None, backbone_lr=None, head_lr=None,
                 freeze_backbone_epochs=0):
        super().__init__()
        self.model = model
        self._optimizer_config = optimizer_config
        self._scheduler_config = scheduler_config
        self._backbone_lr = backbone_lr
        self._head_lr = head_lr
        self._freeze_epochs = freeze_backbone_epochs
        self.save_hyperparameters(ignore=["model"])

    def training_step(self, batch: dict, batch_idx: int) -> torch.Tensor:
        logits, loss = self.model(batch["input_ids"], batch["attention_mask"], batch.get("values"),
                                  labels=batch["task_labels"])
        self.log("train/loss", loss, prog_bar=True, sync_dist=True)
        self.log("train/accuracy", (logits.argmax(-1) == batch["task_labels"]).float().mean(), sync_dist=True)
        return loss

    def on_train_epoch_start(self) -> None:
        if self._freeze_epochs > 0 and self.current_epoch == self._freeze_epochs:
            self.model.unfreeze_backbone()

    def configure_optimizers(self) -> dict[str, Any]:
        cfg = self._optimizer_config
        backbone_lr = self._backbone_lr if self._backbone_lr is not None else cfg.lr
        head_lr = self._head_lr if self._head_lr is not None else cfg.lr

        backbone_decay, backbone_no_decay = [], []
        head_decay, head_no_decay = [], []
        no_decay_keywords = ("bias", "layer_norm", "LayerNorm", "layernorm")

        for name, param in self.model.backbone.named_parameters():
            if any(kw in name for kw in no_decay_keywords):
                backbone_no_decay.append(param)
            else:
                backbone_decay.append(param)

        for name, param in self.model.head.named_parameters():
            if not param.requires_grad:
                continue
            if any(kw in name for kw in no_decay_keywords):
                head_no_decay.append(param)
            else:
                head_decay.append(param)

        param_groups = [
            {"params": backbone_decay, "lr": backbone_lr, "weight_decay": cfg.weight_decay},
            {"params": backbone_no_decay, "lr": backbone_lr, "weight_decay": 0.0},
            {"params": head_decay, "lr": head_lr, "weight_decay": cfg.weight_decay},
            {"params": head_no_decay, "lr": head_lr, "weight_decay": 0.0},
        ]
        param_groups = [g for g in param_groups if len(g["params"]) > 0]

        name = cfg.name.lower()
        if name == "adamw":
            optimizer = torch.optim.AdamW(param_groups)
        elif name == "adam":
            optimizer = torch.optim.Adam(param_groups)
        else:
            raise ValueError(f"Unknown optimizer: {cfg.name!r}. Supported: 'adamw', 'adam'.")

        result: dict[str, Any] = {"optimizer": optimizer}
        if self._scheduler_config is not None:
            result["lr_scheduler"] = {"scheduler": build_scheduler(optimizer, self._scheduler_config),
                                      "interval": "step"}
        return result
