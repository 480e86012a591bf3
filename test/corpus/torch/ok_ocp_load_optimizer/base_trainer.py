# Idiom seen in: FAIR-Chem/fairchem src/fairchem/core/trainers/base_trainer.py
# What it reproduces: load_optimizer looks the optimizer class up by name; when the config's weight_decay is
#   positive, parameters whose names contain "embedding", "frequencies" or "bias" go to a weight_decay=0 group
#   and the rest get the configured decay. An EMA of the parameters is kept, AMP is used, and the parameter
#   norm is only logged (computed under no_grad). Clean for a model without norm layers.
import logging

import torch
from torch import optim
from torch_ema import ExponentialMovingAverage


class BaseTrainer:
    def __init__(self, config, model, train_loader, device="cuda"):
        self.config = config
        self.model = model.to(device)
        self.train_loader = train_loader
        self.device = device
        self.scaler = torch.cuda.amp.GradScaler() if config.get("amp") else None
        self.load_optimizer()
        self.load_extras()

    def load_optimizer(self) -> None:
        optimizer = self.config["optim"].get("optimizer", "AdamW")
        optimizer = getattr(optim, optimizer)

        if self.config["optim"].get("weight_decay", 0) > 0:
            # Do not regularize bias etc.
            params_decay = []
            params_no_decay = []
            for name, param in self.model.named_parameters():
                if param.requires_grad:
                    if "embedding" in name:
                        params_no_decay += [param]
                    elif "frequencies" in name:
                        params_no_decay += [param]
                    elif "bias" in name:
                        params_no_decay += [param]
                    else:
                        params_decay += [param]

            self.optimizer = optimizer(
                [
                    {"params": params_no_decay, "weight_decay": 0},
                    {"params": params_decay, "weight_decay": self.config["optim"]["weight_decay"]},
                ],
                lr=self.config["optim"]["lr_initial"],
                **self.config["optim"].get("optimizer_params", {}),
            )
        else:
            self.optimizer = optimizer(
                params=self.model.parameters(),
                lr=self.config["optim"]["lr_initial"],
                **self.config["optim"].get("optimizer_params", {}),
            )

    def load_extras(self) -> None:
        self.scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(self.optimizer, factor=0.8, patience=3)
        self.clip_grad_norm = self.config["optim"].get("clip_grad_norm")
        self.ema_decay = self.config["optim"].get("ema_decay")
        self.ema = ExponentialMovingAverage(self.model.parameters(), self.ema_decay) if self.ema_decay else None

    def _backward(self, loss) -> None:
        self.optimizer.zero_grad()
        if self.scaler:
            self.scaler.scale(loss).backward()
            self.scaler.unscale_(self.optimizer)
        else:
            loss.backward()
        if self.clip_grad_norm:
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), max_norm=self.clip_grad_norm)
        if self.scaler:
            self.scaler.step(self.optimizer)
            self.scaler.update()
        else:
            self.optimizer.step()
        if self.ema:
            self.ema.update()

    def train(self):
        for epoch in range(self.config["optim"]["max_epochs"]):
            self.model.train()
            for i, batch in enumerate(self.train_loader):
                batch = batch.to(self.device)
                with torch.cuda.amp.autocast(enabled=self.scaler is not None):
                    energy = self.model(batch)
                    loss = torch.nn.functional.l1_loss(energy, batch.energy)
                self._backward(loss)
                if i % self.config["cmd"]["print_every"] == 0:
                    with torch.no_grad():
                        param_norm = sum(p.pow(2).sum() for p in self.model.parameters()).sqrt()
                    logging.info("epoch %d step %d loss %.4f |w| %.2f", epoch, i, loss.item(), param_norm.item())
            self.scheduler.step(loss.item())
