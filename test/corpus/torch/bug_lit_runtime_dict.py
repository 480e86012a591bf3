# Idiom seen in: repository not resolved by the code index (index file id 19258941881: a pytorch_lightning BaseRuntime(core, *, coef, lr) whose training steps return dicts of named terms and log them with self.log_dict)
# What it reproduces: a LightningModule whose training_step computes an L2 penalty over the Linear/Conv weights, logs it and returns it under its own key of the step dict; Lightning back-propagates only the 'loss' entry, so the penalty never reaches the gradients. Bug (WD104).
import argparse

import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F

from datamodules import FashionMNISTDataModule


def l2_penalty(module):
    return sum(m.weight.pow(2).sum() for m in module.modules() if isinstance(m, (nn.Linear, nn.Conv2d)))


class LeNetCore(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 20, 5), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(20, 50, 5), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(800, 500), nn.ReLU(), nn.Linear(500, n_classes))

    def forward(self, input):
        return self.classifier(self.features(input))


class ClassificationRuntime(pl.LightningModule):
    def __init__(self, core, *, l2, lr):
        super().__init__()
        self.core, self.l2, self.lr = core, l2, lr
        self.save_hyperparameters(ignore=["core"])

    def forward(self, input):
        return self.core(input)

    def training_step(self, batch, batch_idx):
        X, y = batch
        log_p = F.log_softmax(self(X), dim=-1)
        nll = F.nll_loss(log_p, y, reduction="mean")
        penalty = self.l2 * l2_penalty(self.core)  # expect: WD104

        self.log_dict({"train/task.nll": nll, "train/model.l2": penalty}, prog_bar=True)
        return {"loss": nll, "penalty": penalty, "log_p": log_p.detach(), "y": y}

    def validation_step(self, batch, batch_idx):
        X, y = batch
        log_p = F.log_softmax(self(X), dim=-1)
        self.log("val/task.nll", F.nll_loss(log_p, y))
        self.log("val/task.accuracy", (log_p.argmax(dim=-1) == y).float().mean())

    def configure_optimizers(self):
        optim = torch.optim.SGD(self.parameters(), lr=self.lr, momentum=0.9)
        sched = torch.optim.lr_scheduler.MultiStepLR(optim, milestones=[20, 40], gamma=0.1)
        return [optim], [sched]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--l2", type=float, default=5e-4)
    parser.add_argument("--max_epochs", type=int, default=60)
    parser.add_argument("--batch_size", type=int, default=128)
    args = parser.parse_args()

    runtime = ClassificationRuntime(LeNetCore(), l2=args.l2, lr=args.lr)
    datamodule = FashionMNISTDataModule(batch_size=args.batch_size)
    trainer = pl.Trainer(max_epochs=args.max_epochs, accelerator="auto", log_every_n_steps=50)
    trainer.fit(runtime, datamodule=datamodule)


if __name__ == "__main__":
    main()
