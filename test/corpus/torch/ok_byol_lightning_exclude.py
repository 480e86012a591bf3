# Idiom seen in: AndrewAtanov/simclr-pytorch models/ssl.py
# Idiom seen in: AndrewAtanov/simclr-pytorch train.py
# What it reproduces: a BYOL LightningModule in the "lighter Lightning" style: online encoder+projector+
#   predictor trained, EMA target without gradients; configure_optimizers excludes every 1-D parameter
#   (biases, BatchNorm) from weight decay and decays only the weight matrices/kernels. Clean.
import copy

import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision

from datamodules import STL10TwoViewDataModule


def mlp(dim, hidden=4096, out=256):
    return nn.Sequential(nn.Linear(dim, hidden), nn.BatchNorm1d(hidden), nn.ReLU(inplace=True), nn.Linear(hidden, out))


class BYOL(pl.LightningModule):
    def __init__(self, lr=0.2, weight_decay=1.5e-6, tau=0.996, max_epochs=300):
        super().__init__()
        self.save_hyperparameters()
        backbone = torchvision.models.resnet18()
        backbone.fc = nn.Identity()
        self.online = nn.Sequential(backbone, mlp(512))
        self.predictor = mlp(256)
        self.target = copy.deepcopy(self.online)
        for p in self.target.parameters():
            p.requires_grad = False

    @staticmethod
    def regression_loss(p, z):
        return 2 - 2 * F.cosine_similarity(p, z.detach(), dim=-1).mean()

    def training_step(self, batch, batch_idx):
        (x1, x2), _ = batch
        p1, p2 = self.predictor(self.online(x1)), self.predictor(self.online(x2))
        with torch.no_grad():
            z1, z2 = self.target(x1), self.target(x2)
        loss = self.regression_loss(p1, z2) + self.regression_loss(p2, z1)
        self.log("train_loss", loss)
        return loss

    def on_train_batch_end(self, outputs, batch, batch_idx):
        with torch.no_grad():
            for po, pt in zip(self.online.parameters(), self.target.parameters()):
                pt.mul_(self.hparams.tau).add_(po, alpha=1 - self.hparams.tau)

    def configure_optimizers(self):
        decay, no_decay = [], []
        for module in (self.online, self.predictor):
            for name, p in module.named_parameters():
                if p.ndim <= 1:
                    no_decay.append(p)
                else:
                    decay.append(p)
        optimizer = torch.optim.SGD([
            {"params": decay, "weight_decay": self.hparams.weight_decay},
            {"params": no_decay, "weight_decay": 0.0},
        ], lr=self.hparams.lr, momentum=0.9)
        scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=self.hparams.max_epochs)
        return [optimizer], [scheduler]


if __name__ == "__main__":
    dm = STL10TwoViewDataModule("data/", batch_size=256)
    trainer = pl.Trainer(max_epochs=300)
    trainer.fit(BYOL(), datamodule=dm)
