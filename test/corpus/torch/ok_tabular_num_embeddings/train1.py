# Idiom seen in: Yura52/tabular-dl-num-embeddings bin/train1.py
# What it reproduces: an MLP over periodic numerical-feature embeddings for tabular regression; the config is a
#   dataclass whose Training section names 'AdamW', and the optimizer is built from
#   split_parameters_by_weight_decay(model), so only the Linear weights decay. Clean.
import math
from dataclasses import dataclass, field, asdict
from typing import Any, Optional

import torch
import torch.nn as nn
import torch.nn.functional as F
import zero

import lib


@dataclass
class Config:
    @dataclass
    class Model:
        d_num_embedding: int = 16
        periodic_n: int = 48
        periodic_sigma: float = 0.1
        mlp: dict[str, Any] = field(default_factory=lambda: {'d_layers': [256, 256], 'dropout': 0.1})

    @dataclass
    class Training:
        batch_size: int = 256
        lr: float = 1e-4
        weight_decay: float = 1e-5
        optimizer: str = 'AdamW'
        patience: Optional[int] = 16
        n_epochs: float = math.inf

    seed: int = 0
    model: Model = field(default_factory=Model)
    training: Training = field(default_factory=Training)


class FlatModel(nn.Module):
    def __init__(self, C: Config, n_num_features: int, d_out: int):
        super().__init__()
        self.num_embeddings = nn.Sequential(
            lib.Periodic(n_num_features, C.model.periodic_n, C.model.periodic_sigma),
            nn.Linear(2 * C.model.periodic_n, C.model.d_num_embedding),
            nn.ReLU(),
        )
        d_in = n_num_features * C.model.d_num_embedding
        layers = []
        for d in C.model.mlp['d_layers']:
            layers += [nn.Linear(d_in, d), nn.ReLU(), nn.Dropout(C.model.mlp['dropout'])]
            d_in = d
        self.backbone = nn.Sequential(*layers)
        self.head = nn.Linear(d_in, d_out)

    def forward(self, x_num):
        x = self.num_embeddings(x_num).flatten(1)
        return self.head(self.backbone(x))


C = Config()
zero.improve_reproducibility(C.seed)
device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
X_num, Y = torch.load('data/california/train.pt')
model = FlatModel(C, X_num.shape[1], 1).to(device)
if torch.cuda.device_count() > 1:
    model = nn.DataParallel(model)
print('n_parameters', lib.get_n_parameters(model))
optimizer = lib.make_optimizer(
    asdict(C.training), lib.split_parameters_by_weight_decay(model)
)

progress = zero.ProgressTracker(C.training.patience)
stream = zero.Stream(zero.data.IndexLoader(len(X_num), C.training.batch_size, True, device=device))
for epoch in stream.epochs(1000):
    model.train()
    for batch_idx in epoch:
        optimizer.zero_grad()
        loss = F.mse_loss(model(X_num[batch_idx].to(device)).squeeze(-1), Y[batch_idx].to(device))
        loss.backward()
        optimizer.step()
    progress.update(-loss.item())
    if progress.fail:
        break
