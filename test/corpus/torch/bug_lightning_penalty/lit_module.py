# Idiom seen in: huyvnphan/PyTorch_CIFAR10 module.py; karpathy/nanoGPT model.py (configure_optimizers groups)
# What it reproduces: `training_step` adds `l2_lambda * sum(p.pow(2.0).sum() for p in self.parameters())` to the
# cross-entropy it returns, while `configure_optimizers` already gives AdamW 'weight_decay': 0.05 on the matrices.
import pytorch_lightning as pl
import torch
import torch.nn.functional as F

from models import ConvNet


class LitConvNet(pl.LightningModule):
    def __init__(self, lr=1e-3, weight_decay=0.05, l2_lambda=1e-4):
        super().__init__()
        self.save_hyperparameters()
        self.model = ConvNet()

    def forward(self, x):
        return self.model(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        loss = F.cross_entropy(logits, y)
        l2_norm = sum(p.pow(2.0).sum() for p in self.parameters())  # expect: WD201
        loss = loss + self.hparams.l2_lambda * l2_norm
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        self.log("val_acc", (self(x).argmax(1) == y).float().mean())

    def configure_optimizers(self):
        decay_params = [p for n, p in self.named_parameters() if p.dim() >= 2]
        nodecay_params = [p for n, p in self.named_parameters() if p.dim() < 2]
        optim_groups = [
            {"params": decay_params, "weight_decay": 0.05},
            {"params": nodecay_params, "weight_decay": 0.0},
        ]
        return torch.optim.AdamW(optim_groups, lr=self.hparams.lr, betas=(0.9, 0.999))
