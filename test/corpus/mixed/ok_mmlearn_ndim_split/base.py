# Idiom seen in: VectorInstitute/mmlearn mmlearn/tasks/base.py
# What it reproduces: a base LightningModule whose configure_optimizers reads weight_decay from the
#   optimizer partial (or its signature default) and splits trainable params by ndim: 1-D tensors (biases,
#   LayerNorm/BatchNorm params) get weight_decay=0.0. Clean: AdamW decays only matrices and kernels.
import inspect
from functools import partial
from typing import Optional

import lightning as L
import torch
from lightning_utilities.core.rank_zero import rank_zero_warn


class TrainingTask(L.LightningModule):
    def __init__(
        self,
        optimizer: Optional[partial] = None,
        lr_scheduler: Optional[partial] = None,
        loss_fn: Optional[torch.nn.Module] = None,
    ):
        super().__init__()
        self.optimizer = optimizer
        self.lr_scheduler = lr_scheduler
        self.loss_fn = loss_fn

    def configure_optimizers(self):
        if self.optimizer is None:
            rank_zero_warn("Optimizer not provided. Training will continue without an optimizer.")
            return None

        weight_decay: Optional[float] = self.optimizer.keywords.get("weight_decay", None)
        if weight_decay is None:  # fall back to the optimizer's own default
            kw_param = inspect.signature(self.optimizer.func).parameters.get("weight_decay")
            if kw_param is not None and kw_param.default != inspect.Parameter.empty:
                weight_decay = kw_param.default

        parameters = [param for param in self.parameters() if param.requires_grad]

        if weight_decay is not None:
            decay_params = []
            no_decay_params = []
            for param in self.parameters():
                if not param.requires_grad:
                    continue
                if param.ndim < 2:  # all biases and normalization parameters
                    no_decay_params.append(param)
                else:
                    decay_params.append(param)

            parameters = [
                {"params": decay_params, "weight_decay": weight_decay, "name": "weight_decay_params"},
                {"params": no_decay_params, "weight_decay": 0.0, "name": "no_weight_decay_params"},
            ]

        optimizer = self.optimizer(parameters)
        if self.lr_scheduler is None:
            return optimizer
        return {"optimizer": optimizer, "lr_scheduler": {"scheduler": self.lr_scheduler(optimizer), "interval": "step"}}
