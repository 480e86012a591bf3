# Idiom seen in: huyvnphan/PyTorch_CIFAR10 module.py
# What it reproduces: a LightningModule whose `configure_optimizers` returns Adam with weight_decay on
# `self.parameters()` plus a MultiStepLR schedule: coupled L2 (Adam), and biases/BatchNorm decayed as well.
import argparse

import pytorch_lightning as pl
import torch
import torch.nn as nn
from torch.optim.lr_scheduler import MultiStepLR

from data import CIFAR10Data


class CIFAR10Module(pl.LightningModule):
    def __init__(self, learning_rate=1e-3, max_epochs=100):
        super().__init__()
        self.save_hyperparameters()
        self.model = nn.Sequential(
            nn.Conv2d(3, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(),
            nn.Conv2d(64, 128, 3, padding=1, stride=2), nn.BatchNorm2d(128), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(128, 10),
        )
        self.criterion = nn.CrossEntropyLoss()

    def forward(self, x):
        return self.model(x)

    def training_step(self, batch, batch_idx):
        images, labels = batch
        predictions = self.model(images)
        loss = self.criterion(predictions, labels)
        self.log("loss_train", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        images, labels = batch
        acc = (self.model(images).argmax(1) == labels).float().mean()
        self.log("accuracy/val", acc)

    def configure_optimizers(self):
        optimizer = torch.optim.Adam(
            self.parameters(),  # expect: WD203
            lr=self.hparams.learning_rate,
            weight_decay=1e-4,  # expect: WD202
        )
        milestones = [int(0.5 * self.hparams.max_epochs), int(0.75 * self.hparams.max_epochs)]
        scheduler = {"scheduler": MultiStepLR(optimizer, milestones=milestones, gamma=0.1), "interval": "epoch"}
        return [optimizer], [scheduler]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_dir", type=str, default="/data/cifar10")
    parser.add_argument("--max_epochs", type=int, default=100)
    parser.add_argument("--learning_rate", type=float, default=1e-3)
    args = parser.parse_args()

    data = CIFAR10Data(args.data_dir, batch_size=256)
    model = CIFAR10Module(learning_rate=args.learning_rate, max_epochs=args.max_epochs)
    trainer = pl.Trainer(max_epochs=args.max_epochs, accelerator="auto")
    trainer.fit(model, data)


if __name__ == "__main__":
    main()
