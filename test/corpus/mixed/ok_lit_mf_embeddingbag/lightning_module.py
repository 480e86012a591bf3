# Idiom seen in: yxtay/matrix-factorization-torch src/matrix_factorization_pytorch/lightning.py
# What it reproduces: LitMatrixFactorization.configure_optimizers returns AdamW(self.parameters()) with the
# default weight_decay (0.01) when the table is dense; the module holds only the EmbeddingBag table and
# parameter-free losses, so no bias or normalization parameter is decayed, and training_step returns
# the selected loss that Lightning back-propagates: clean.
from __future__ import annotations

import lightning as L
import torch

from models import MatrixFactorization, PairwiseHingeLoss, PairwiseLogisticLoss
from data import Movielens1mPipeDataModule  # not part of this workspace


class LitMatrixFactorization(L.LightningModule):
    def __init__(self, num_embeddings: int = 2**16 + 1, embedding_dim: int = 32,
                 train_loss: str = "PairwiseHingeLoss", *, max_norm: float | None = None, sparse: bool = False,
                 normalize: bool = True, learning_rate: float = 0.1) -> None:
        super().__init__()
        self.save_hyperparameters()
        self.model = None
        self.loss_fns = None

    def configure_model(self) -> None:
        if self.model is None:
            self.model = MatrixFactorization(
                num_embeddings=self.hparams.num_embeddings,
                embedding_dim=self.hparams.embedding_dim,
                max_norm=self.hparams.max_norm,
                sparse=self.hparams.sparse,
                normalize=self.hparams.normalize,
            )
        if self.loss_fns is None:
            self.loss_fns = torch.nn.ModuleList([PairwiseHingeLoss(), PairwiseLogisticLoss()])

    def compute_losses(self, batch, step_name="train"):
        user_embed = self.model.embed(batch["user_feature_hashes"], batch.get("user_feature_weights"))
        item_embed = self.model.embed(batch["item_feature_hashes"], batch.get("item_feature_weights"))
        losses = {}
        for loss_fn in self.loss_fns:
            key = f"{step_name}/{loss_fn.__class__.__name__}"
            losses[key] = loss_fn(user_embed=user_embed, item_embed=item_embed, label=batch["label"],
                                  sample_weight=batch["weight"], user_idx=batch["user_idx"],
                                  item_idx=batch["item_idx"])
        return losses

    def training_step(self, batch, batch_idx):
        losses = self.compute_losses(batch, step_name="train")
        self.log_dict(losses)
        return losses[f"train/{self.hparams.train_loss}"]

    def validation_step(self, batch, batch_idx):
        losses = self.compute_losses(batch, step_name="val")
        self.log_dict(losses, sync_dist=True)

    def configure_optimizers(self) -> torch.optim.Optimizer:
        if self.model.sparse:
            optimizer_class = torch.optim.SparseAdam
        else:
            optimizer_class = torch.optim.AdamW
        return optimizer_class(self.parameters(), lr=self.hparams.learning_rate)


if __name__ == "__main__":
    trainer = L.Trainer(precision="bf16-mixed", max_epochs=1)
    with trainer.init_module():
        datamodule = Movielens1mPipeDataModule()
        model = LitMatrixFactorization(train_loss="PairwiseHingeLoss")
    trainer.fit(model=model, datamodule=datamodule)
