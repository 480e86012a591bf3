# Idiom seen in: XfensorX/rna_sequencing experiments/encoding/models/model1.py
# Idiom seen in: wenjtop/image_classification classfication/optimizer/optim_factory.py
# What it reproduces: a LightningModule whose configure_optimizers builds decay/no-decay groups by
# name (bias, LayerNorm, ndim<=1) and returns AdamW over them; the training script wires a DataModule
# from a package the workspace does not hold. Clean: decoupled decay, biases and norms excluded.
import pytorch_lightning as pl
import torch
import torch.nn as nn


class Encoder(pl.LightningModule):
    def __init__(self, input_dim=1024, hidden_dim=512, output_dim=64, lr=3e-4, weight_decay=0.05):
        super().__init__()
        self.save_hyperparameters()
        self.net = nn.Sequential(
            nn.Linear(input_dim, hidden_dim), nn.LayerNorm(hidden_dim), nn.GELU(),
            nn.Linear(hidden_dim, hidden_dim), nn.LayerNorm(hidden_dim), nn.GELU(),
            nn.Linear(hidden_dim, output_dim))

    def forward(self, x):
        return self.net(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = nn.functional.mse_loss(self(x), y)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def configure_optimizers(self):
        decay, no_decay = [], []
        for name, param in self.named_parameters():
            if not param.requires_grad:
                continue
            if param.ndim <= 1 or name.endswith(".bias") or "norm" in name.lower():
                no_decay.append(param)
            else:
                decay.append(param)
        groups = [
            {"params": decay, "weight_decay": self.hparams.weight_decay},
            {"params": no_decay, "weight_decay": 0.0},
        ]
        optimizer = torch.optim.AdamW(groups, lr=self.hparams.lr)
        scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=100)
        return {"optimizer": optimizer, "lr_scheduler": scheduler}
