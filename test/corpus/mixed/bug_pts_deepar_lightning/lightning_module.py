# Idiom seen in: zalandoresearch/pytorch-ts pts/model/deepar/lightning_module.py
# What it reproduces: DeepARLightningModule.configure_optimizers builds Adam(self.model.parameters(),
# weight_decay=self.weight_decay) with a ReduceLROnPlateau on val_loss: coupled L2 under Adam on every
# parameter of the network, LSTM and projection biases and embeddings included (real repository code).
import lightning.pytorch as pl
import torch
from torch.optim.lr_scheduler import ReduceLROnPlateau

from module import DeepARModel


class DeepARLightningModule(pl.LightningModule):
    def __init__(self, model_kwargs: dict, lr: float = 1e-3, weight_decay: float = 1e-8, patience: int = 10):
        super().__init__()
        self.save_hyperparameters()
        self.model = DeepARModel(**model_kwargs)
        self.lr = lr
        self.weight_decay = weight_decay
        self.patience = patience

    def forward(self, *args, **kwargs):
        return self.model(*args, **kwargs)

    def training_step(self, batch, batch_idx: int):
        train_loss = self.model.loss(
            batch["feat_static_cat"], batch["past_target"], batch["past_observed_values"],
            batch["past_time_feat"], batch["future_target"], batch["future_observed_values"],
        ).mean()
        self.log("train_loss", train_loss, on_epoch=True, on_step=False, prog_bar=True)
        return train_loss

    def validation_step(self, batch, batch_idx: int):
        val_loss = self.model.loss(
            batch["feat_static_cat"], batch["past_target"], batch["past_observed_values"],
            batch["past_time_feat"], batch["future_target"], batch["future_observed_values"],
        ).mean()
        self.log("val_loss", val_loss, on_epoch=True, on_step=False, prog_bar=True)
        return val_loss

    def configure_optimizers(self):
        optimizer = torch.optim.Adam(
            self.model.parameters(),  # expect: WD203
            lr=self.lr,
            weight_decay=self.weight_decay,  # expect: WD202
        )
        return {
            "optimizer": optimizer,
            "lr_scheduler": {
                "scheduler": ReduceLROnPlateau(optimizer=optimizer, mode="min", factor=0.5,
                                               patience=self.patience),
                "monitor": "val_loss",
            },
        }
