# Idiom seen in: mmcdermott/MEDS_EIC_AR src/MEDS_EIC_AR/training/module.py
# What it reproduces: a LightningModule that builds its optimizer from a hydra-style partial factory,
#   `self.optimizer_factory(self.parameters())`; the factory is AdamW with weight_decay=0.01, so every bias and
#   every RMSNorm gain of the Llama backbone is decayed (the real repo's state before it split decay/no-decay groups).
from functools import partial
from typing import Any, Callable, Iterator

import lightning as L
import torch
from transformers import LlamaConfig, LlamaForCausalLM


def _factory_to_dict(factory: partial | None) -> dict[str, Any] | None:
    if factory is None:
        return None
    out = {"_target_": f"{factory.func.__module__}.{factory.func.__qualname__}"}
    out.update(factory.keywords)
    return out


class Model(torch.nn.Module):
    """Thin wrapper around a HF causal LM built from a config (no pretrained weights)."""

    def __init__(self, gpt_kwargs: dict, precision: str = "32-true"):
        super().__init__()
        self.config = LlamaConfig(**gpt_kwargs)
        self.HF_model = LlamaForCausalLM(self.config)
        self.precision = precision

    def forward(self, batch):
        out = self.HF_model(input_ids=batch["code"], attention_mask=batch["mask"], labels=batch["code"])
        return out.loss, out.logits


class MEICARModule(L.LightningModule):
    def __init__(
        self,
        model: Model,
        metrics: torch.nn.Module,
        optimizer: Callable[[Iterator[torch.nn.parameter.Parameter]], torch.optim.Optimizer] | None = None,
        LR_scheduler: Callable[[torch.optim.Optimizer], Any] | None = None,
    ):
        super().__init__()
        self.model = model
        self.metrics = metrics
        self.optimizer_factory = optimizer
        self.LR_scheduler_factory = LR_scheduler
        self.save_hyperparameters(
            {
                "optimizer": _factory_to_dict(self.optimizer_factory),
                "LR_scheduler": _factory_to_dict(self.LR_scheduler_factory),
            }
        )

    def training_step(self, batch):
        loss, outputs = self.model(batch)
        self.log("train/loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch):
        loss, outputs = self.model(batch)
        self.log("held_out/loss", loss, sync_dist=True)
        return loss

    def configure_optimizers(self):
        if self.optimizer_factory is None:
            raise ValueError("Optimizer factory is not set. Cannot configure optimizers.")

        optimizer = self.optimizer_factory(self.parameters())  # expect: WD203

        if self.LR_scheduler_factory is None:
            return optimizer

        scheduler = self.LR_scheduler_factory(optimizer)
        LR_config = {"scheduler": scheduler, "interval": "step", "frequency": 1}
        return {"optimizer": optimizer, "lr_scheduler": LR_config}
