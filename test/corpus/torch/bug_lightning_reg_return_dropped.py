# Idiom seen in: Lightning-Universe/lightning-bolts src/pl_bolts/models/regression/logistic_regression.py
# What it reproduces: bolts' `_regularization(loss)` after a "no in-place ops" clean-up: it now returns
# `loss + l2_strength * ||W||^2`, but `_shared_step` still calls it as a bare statement (the old `+=` mutated).
# label-note: the L2 term is computed and returned into a value nobody keeps, so it never reaches the loss
# Lightning backpropagates (WD104, on the line computing the term). Adam has no weight_decay: no WD202.
from argparse import ArgumentParser
from typing import Any, Dict, Tuple, Type

import torch
from pytorch_lightning import LightningModule, Trainer, seed_everything
from torch import Tensor, nn
from torch.optim import Adam
from torch.optim.optimizer import Optimizer

from datamodules import SklearnDataModule


class LogisticRegression(LightningModule):
    def __init__(self, input_dim: int, num_classes: int, bias: bool = True, learning_rate: float = 1e-4,
                 optimizer: Type[Optimizer] = Adam, l2_strength: float = 0.0, **kwargs: Any) -> None:
        super().__init__()
        self.save_hyperparameters()
        self.optimizer = optimizer
        self.criterion = nn.CrossEntropyLoss(reduction="sum")
        self.linear = nn.Linear(self.hparams.input_dim, self.hparams.num_classes, bias=self.hparams.bias)

    def forward(self, x: Tensor) -> Tensor:
        return self.linear(x)

    def training_step(self, batch: Tuple[Tensor, Tensor], batch_idx: int) -> Dict[str, Tensor]:
        return self._shared_step(batch, "train")

    def validation_step(self, batch: Tuple[Tensor, Tensor], batch_idx: int) -> Dict[str, Tensor]:
        return self._shared_step(batch, "val")

    def configure_optimizers(self) -> Optimizer:
        return self.optimizer(self.parameters(), lr=self.hparams.learning_rate)

    def _shared_step(self, batch: Tuple[Tensor, Tensor], stage: str) -> Dict[str, Tensor]:
        x, y = batch
        logits = self.linear(x.view(x.size(0), -1))
        loss = self.criterion(logits, y.long())
        if stage == "train":
            self._regularization(loss)
            loss = loss / x.size(0)
        self.log(f"{stage}_loss", loss, on_step=True)
        return {"loss": loss}

    def _regularization(self, loss: Tensor) -> Tensor:
        if self.hparams.l2_strength > 0:
            loss = loss + self.hparams.l2_strength * self.linear.weight.pow(2).sum()  # expect: WD104
        return loss


def cli_main() -> None:
    seed_everything(1234)
    parser = ArgumentParser()
    parser.add_argument("--learning_rate", type=float, default=0.01)
    parser.add_argument("--l2_strength", type=float, default=0.01)
    parser.add_argument("--batch_size", type=int, default=16)
    parser.add_argument("--max_epochs", type=int, default=100)
    args = parser.parse_args()

    from sklearn.datasets import load_iris
    x, y = load_iris(return_X_y=True)
    loaders = SklearnDataModule(x, y, batch_size=args.batch_size)
    model = LogisticRegression(input_dim=4, num_classes=3, l2_strength=args.l2_strength,
                               learning_rate=args.learning_rate)
    trainer = Trainer(max_epochs=args.max_epochs)
    trainer.fit(model, train_dataloaders=loaders.train_dataloader(), val_dataloaders=loaders.val_dataloader())


if __name__ == "__main__":
    cli_main()
