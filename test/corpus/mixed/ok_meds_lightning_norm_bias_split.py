# Idiom seen in: mmcdermott/MEDS_EIC_AR src/MEDS_EIC_AR/training/module.py
# What it reproduces: the repo's fixed configure_optimizers: names matching bias / (layer_)norm go into a
#   weight_decay=0.0 group, the rest get the factory's weight_decay, and the factory itself is copied with
#   weight_decay=0.0 so only the per-group values apply. Clean: AdamW decays only the projection/embedding weights.
import copy
import logging
import re
from functools import partial
from typing import Iterator

import lightning as L
import torch
from transformers import LlamaConfig, LlamaForCausalLM

from MEDS_EIC_AR.data import MEICARDataModule

logger = logging.getLogger(__name__)


class Model(torch.nn.Module):
    def __init__(self, gpt_kwargs: dict):
        super().__init__()
        self.HF_model = LlamaForCausalLM(LlamaConfig(**gpt_kwargs))

    def forward(self, batch):
        out = self.HF_model(input_ids=batch["code"], attention_mask=batch["mask"], labels=batch["code"])
        return out.loss, out.logits


class MEICARModule(L.LightningModule):
    def __init__(self, model: Model, optimizer=None, LR_scheduler=None):
        super().__init__()
        self.model = model
        self.optimizer_factory = optimizer
        self.LR_scheduler_factory = LR_scheduler

    def training_step(self, batch):
        loss, _ = self.model(batch)
        self.log("train/loss", loss)
        return loss

    @staticmethod
    def _is_norm_bias_param(n: str) -> bool:
        return bool(re.search(r"(bias|(layer_?)?norm(\d*)\.weight)", n, re.IGNORECASE))

    def _norm_bias_params(self) -> Iterator[torch.nn.Parameter]:
        for name, p in self.named_parameters():
            if self._is_norm_bias_param(name):
                yield p

    def _non_norm_bias_params(self) -> Iterator[torch.nn.Parameter]:
        for name, p in self.named_parameters():
            if not self._is_norm_bias_param(name):
                yield p

    @property
    def weight_decay(self) -> float | None:
        if self.optimizer_factory is None:
            return None
        return self.optimizer_factory.keywords.get("weight_decay", None)

    @property
    def optimizer_no_decay_factory(self):
        new_factory = copy.deepcopy(self.optimizer_factory)
        if "weight_decay" in new_factory.keywords:
            new_factory.keywords["weight_decay"] = 0.0
        else:
            logger.warning("No weight decay parameter found in optimizer factory. No changes made.")
        return new_factory

    def configure_optimizers(self):
        if self.optimizer_factory is None:
            raise ValueError("Optimizer factory is not set. Cannot configure optimizers.")

        params = [
            {"params": self._non_norm_bias_params(), "weight_decay": self.weight_decay},
            {"params": self._norm_bias_params(), "weight_decay": 0.0},
        ]
        optimizer = self.optimizer_no_decay_factory(params)

        if self.LR_scheduler_factory is None:
            return optimizer
        scheduler = self.LR_scheduler_factory(optimizer)
        return {"optimizer": optimizer, "lr_scheduler": {"scheduler": scheduler, "interval": "step"}}


if __name__ == "__main__":
    gpt_kwargs = dict(vocab_size=4096, hidden_size=256, intermediate_size=1024,
                      num_hidden_layers=4, num_attention_heads=4, max_position_embeddings=512)
    factory = partial(torch.optim.AdamW, lr=5.0e-4, weight_decay=0.01, eps=1.0e-8, betas=(0.9, 0.999))
    module = MEICARModule(model=Model(gpt_kwargs), optimizer=factory)
    L.Trainer(max_epochs=10, precision="bf16-mixed").fit(module, datamodule=MEICARDataModule(batch_size=32))
