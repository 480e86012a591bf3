# Idiom seen in: feedly/transfer-nlp transfer_nlp/plugins/trainers.py
# What it reproduces: BasicTrainer's ignite update step with gradient accumulation; the configured
#   regularizer's penalty on the whole model is added to the loss that is backpropagated.
import logging
from typing import Dict, List, Any

import torch
import torch.nn as nn
import torch.optim as optim
from ignite.engine.engine import Engine
from ignite.utils import convert_tensor

from regularizers import RegularizerABC

logger = logging.getLogger(__name__)


def _prepare_batch(batch: Dict, device=None, non_blocking: bool = False):
    return {key: convert_tensor(value, device=device, non_blocking=non_blocking) for key, value in batch.items()}


class BasicTrainer:

    def __init__(self,
                 model: nn.Module,
                 dataset_splits: Any,
                 loss: nn.Module,
                 optimizer: optim.Optimizer,
                 device: str = None,
                 num_epochs: int = 1,
                 loss_accumulation_steps: int = 4,
                 regularizer: RegularizerABC = None,
                 gradient_clipping: float = 1.0):
        self.model = model
        self.dataset_splits = dataset_splits
        self.loss = loss
        self.optimizer = optimizer
        self.device = device
        self.num_epochs = num_epochs
        self.loss_accumulation_steps = loss_accumulation_steps
        self.regularizer = regularizer
        self.gradient_clipping = gradient_clipping
        self.trainer = self.create_supervised_trainer()

    def create_supervised_trainer(self, prepare_batch=_prepare_batch, non_blocking=False):
        if self.device:
            self.model.to(self.device)
        accumulation_steps = self.loss_accumulation_steps

        def _update(engine, batch):
            self.model.train()
            batch = prepare_batch(batch, device=self.device, non_blocking=non_blocking)
            y_pred = self.model(batch['x_in'])
            loss = self.loss(input=y_pred, target=batch['y_target'])
            if self.regularizer:
                loss += self.regularizer.compute_penalty(self.model)

            loss /= accumulation_steps

            loss.backward()
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.gradient_clipping)

            if engine.state.iteration % accumulation_steps == 0:
                self.optimizer.step()
                self.optimizer.zero_grad()

            return y_pred, batch['y_target'], loss.item()

        return Engine(_update)

    def train(self):
        self.trainer.run(self.dataset_splits.train_data_loader(), max_epochs=self.num_epochs)
