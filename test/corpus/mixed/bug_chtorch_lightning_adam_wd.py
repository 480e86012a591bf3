# Idiom seen in: dhis2-chap/chtorch chtorch/lightning_module.py
# What it reproduces: the early chtorch DeepARLightningModule(module, loss, weight_decay=1e-6) whose
# configure_optimizers hands self.parameters() (LSTM/Linear biases, LayerNorm, embeddings) to torch Adam with
# weight_decay=self.weight_decay: coupled L2 under Adam on every parameter. (Later versions of the repo
# switched to AdamW with a no-decay group.)
from typing import Any

import lightning as L
import torch
from torch import nn, optim

from chtorch.data_loader import build_dataloaders


class RNNWithLocationEmbedding(nn.Module):
    def __init__(self, n_features, n_locations, n_hidden=4, embed_dim=4):
        super().__init__()
        self.location_embedding = nn.Embedding(n_locations, embed_dim)
        self.preprocess = nn.Sequential(nn.Linear(n_features + embed_dim, n_hidden), nn.LayerNorm(n_hidden), nn.ReLU())
        self.rnn = nn.GRU(n_hidden, n_hidden, batch_first=True)
        self.output = nn.Linear(n_hidden, 2)

    def forward(self, X, locations):
        h = torch.cat([X, self.location_embedding(locations)], dim=-1)
        out, _ = self.rnn(self.preprocess(h))
        return self.output(out)[..., 0]


class DeepARLightningModule(L.LightningModule):
    def __init__(self, module, loss, weight_decay=1e-6):
        super().__init__()
        self.module = module
        self.loss = loss
        self.weight_decay = weight_decay

    def forward(self, *args: Any, **kwargs: Any) -> Any:
        return self.module(*args, **kwargs)

    def training_step(self, batch, batch_idx):
        X, locations, y, population = batch
        log_rate = self.module(X, locations).squeeze(-1)
        loss = self.loss(log_rate, y, population)
        self.log("train_loss", loss, prog_bar=True, logger=True)
        return loss

    def validation_step(self, batch, batch_idx):
        X, locations, y, population = batch
        loss = self.loss(self.module(X, locations).squeeze(-1), y, population)
        self.log("validation_loss", loss, prog_bar=True, logger=True)
        return loss

    def configure_optimizers(self):
        return optim.Adam(self.parameters(), lr=1e-3, weight_decay=self.weight_decay)  # expect: WD202, WD203


def poisson_loss(log_rate, y, population):
    rate = torch.exp(log_rate) * population
    return torch.mean(rate - y * torch.log(rate + 1e-8))


def train(dataset, max_epochs=2500):
    train_loader, val_loader, n_locations, n_features = build_dataloaders(dataset, context_length=12)
    module = RNNWithLocationEmbedding(n_features, n_locations)
    lightning_module = DeepARLightningModule(module, poisson_loss, weight_decay=1e-6)
    trainer = L.Trainer(max_epochs=max_epochs, accelerator="cpu")
    trainer.fit(lightning_module, train_loader, val_loader)
    return lightning_module
