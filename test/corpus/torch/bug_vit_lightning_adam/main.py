# Idiom seen in: omihub777/ViT-CIFAR main.py
# What it reproduces: LightningModule.configure_optimizers returning torch.optim.Adam(self.model.parameters(),
#   ..., weight_decay=self.hparams.weight_decay) with the --weight-decay default 1e-1: coupled L2 under Adam
#   (meant as AdamW-style decay) on every parameter of the ViT, LayerNorms and biases included.
import argparse

import torch
import torch.nn as nn
import pytorch_lightning as pl
import warmup_scheduler

from vit import ViT
from utils import get_dataset

parser = argparse.ArgumentParser()
parser.add_argument("--dataset", default="c10", type=str)
parser.add_argument("--num-classes", default=10, type=int)
parser.add_argument("--patch", default=8, type=int)
parser.add_argument("--batch-size", default=128, type=int)
parser.add_argument("--lr", default=1e-3, type=float)
parser.add_argument("--beta1", default=0.9, type=float)
parser.add_argument("--beta2", default=0.999, type=float)
parser.add_argument("--max-epochs", default=200, type=int)
parser.add_argument("--weight-decay", default=1e-1, type=float)
args = parser.parse_args()


class Net(pl.LightningModule):
    def __init__(self, hparams):
        super(Net, self).__init__()
        self.save_hyperparameters(vars(hparams))
        self.model = ViT(num_classes=hparams.num_classes, patch=hparams.patch)
        self.criterion = nn.CrossEntropyLoss()

    def forward(self, x):
        return self.model(x)

    def configure_optimizers(self):
        optimizer = torch.optim.Adam(self.model.parameters(), lr=self.hparams.lr, betas=(self.hparams.beta1, self.hparams.beta2), weight_decay=self.hparams.weight_decay)  # expect: WD202, WD203
        base_scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=self.hparams.max_epochs, eta_min=self.hparams.lr / 1e2)
        scheduler = warmup_scheduler.GradualWarmupScheduler(optimizer, multiplier=1., total_epoch=1, after_scheduler=base_scheduler)
        return [optimizer], [scheduler]

    def training_step(self, batch, batch_idx):
        img, label = batch
        out = self(img)
        loss = self.criterion(out, label)
        acc = torch.eq(out.argmax(-1), label).float().mean()
        self.log("loss", loss)
        self.log("acc", acc)
        return loss


if __name__ == "__main__":
    train_ds, test_ds = get_dataset(args)
    train_dl = torch.utils.data.DataLoader(train_ds, batch_size=args.batch_size, shuffle=True, num_workers=4)
    net = Net(args)
    trainer = pl.Trainer(max_epochs=args.max_epochs)
    trainer.fit(model=net, train_dataloaders=train_dl)
