# Idiom seen in: dreamquark-ai/tabnet pytorch_tabnet/abstract_model.py
# Idiom seen in: dreamquark-ai/tabnet pytorch_tabnet/tab_model.py
# What it reproduces: the TabNet wrapper builds optimizer_fn(self.network.parameters(),
# **optimizer_params); with optimizer_fn=torch.optim.Adam and weight_decay in optimizer_params (set by
# train_tabular.py) every parameter, ghost-BN included, gets coupled L2 (realistic user mistake).
from dataclasses import dataclass, field
from typing import Any, Dict

import numpy as np
import torch
from torch.utils.data import DataLoader

from tab_network import TabNet
from utils import create_dataloaders, define_device


@dataclass
class TabModel:
    n_d: int = 8
    n_a: int = 8
    n_steps: int = 3
    gamma: float = 1.3
    lambda_sparse: float = 1e-3
    seed: int = 0
    clip_value: int = 1
    optimizer_fn: Any = torch.optim.Adam
    optimizer_params: Dict = field(default_factory=lambda: dict(lr=2e-2))
    scheduler_fn: Any = None
    scheduler_params: Dict = field(default_factory=dict)
    device_name: str = "auto"

    def __post_init__(self):
        torch.manual_seed(self.seed)
        self.device = torch.device(define_device(self.device_name))

    def _set_network(self):
        self.network = TabNet(self.input_dim, self.output_dim, n_d=self.n_d, n_a=self.n_a,
                              n_steps=self.n_steps, gamma=self.gamma).to(self.device)

    def _set_optimizer(self):
        """Setup optimizer."""
        self._optimizer = self.optimizer_fn(
            self.network.parameters(), **self.optimizer_params  # expect: WD203
        )

    def fit(self, X_train, y_train, eval_set=None, max_epochs=100, batch_size=1024):
        self.input_dim = X_train.shape[1]
        self.output_dim = int(np.max(y_train)) + 1
        train_dataloader, valid_dataloaders = create_dataloaders(
            X_train, y_train, eval_set or [], batch_size)
        self._set_network()
        self._set_optimizer()
        for epoch_idx in range(max_epochs):
            self._train_epoch(train_dataloader)

    def _train_epoch(self, train_loader: DataLoader):
        self.network.train()
        for batch_idx, (X, y) in enumerate(train_loader):
            X = X.to(self.device).float()
            y = y.to(self.device).long()
            self._optimizer.zero_grad()
            output, M_loss = self.network(X)
            loss = torch.nn.functional.cross_entropy(output, y)
            # sparsity regularization of the attentive masks, not a weight penalty
            loss = loss - self.lambda_sparse * M_loss
            loss.backward()
            if self.clip_value:
                torch.nn.utils.clip_grad_norm_(self.network.parameters(), self.clip_value)
            self._optimizer.step()


class TabNetClassifier(TabModel):
    def predict_proba(self, X):
        self.network.eval()
        with torch.no_grad():
            out, _ = self.network(torch.from_numpy(X).float().to(self.device))
            return torch.softmax(out, dim=1).cpu().numpy()
