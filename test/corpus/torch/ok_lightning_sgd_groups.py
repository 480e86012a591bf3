# Idiom seen in: huyvnphan/PyTorch_CIFAR10 module.py; Lyce24/CSCI2952_Final Utils/utils.py
# What it reproduces: the same Lightning CIFAR module with SGD+nesterov, but `configure_optimizers` builds two
# parameter groups (`p.ndim == 1 or n.endswith('.bias')` -> 'weight_decay': 0.0): decay only on kernels (clean).
import pytorch_lightning as pl
import torch
import torch.nn as nn
import torchvision
from torch.optim.lr_scheduler import CosineAnnealingLR

from datamodule import CIFAR10DataModule


def build_param_groups(model, weight_decay):
    decay, no_decay = [], []
    for n, p in model.named_parameters():
        if not p.requires_grad:
            continue
        if p.ndim == 1 or n.endswith(".bias"):
            no_decay.append(p)
        else:
            decay.append(p)
    return [
        {"params": decay, "weight_decay": weight_decay},
        {"params": no_decay, "weight_decay": 0.0},
    ]


class LitResnet(pl.LightningModule):
    def __init__(self, lr=0.05, weight_decay=5e-4, max_epochs=30):
        super().__init__()
        self.save_hyperparameters()
        self.model = torchvision.models.resnet18(num_classes=10)
        self.model.conv1 = nn.Conv2d(3, 64, kernel_size=3, stride=1, padding=1, bias=False)
        self.model.maxpool = nn.Identity()
        self.criterion = nn.CrossEntropyLoss()

    def forward(self, x):
        return self.model(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = self.criterion(self(x), y)
        self.log("train_loss", loss)
        return loss

    def configure_optimizers(self):
        optimizer = torch.optim.SGD(
            build_param_groups(self.model, self.hparams.weight_decay),
            lr=self.hparams.lr,
            momentum=0.9,
            nesterov=True,
        )
        scheduler = CosineAnnealingLR(optimizer, T_max=self.hparams.max_epochs)
        return {"optimizer": optimizer, "lr_scheduler": scheduler}


if __name__ == "__main__":
    pl.seed_everything(7)
    dm = CIFAR10DataModule(data_dir="./data", batch_size=256, num_workers=8)
    model = LitResnet()
    trainer = pl.Trainer(max_epochs=30, accelerator="auto", devices=1)
    trainer.fit(model, datamodule=dm)
