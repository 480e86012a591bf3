# Idiom seen in: kiaraesguerra/lightning-template utils/train_utils.py
# Idiom seen in: kiaraesguerra/lightning-template optimizers/sgd.py
# What it reproduces: the repo SGD factory decays all of model.parameters() of a BatchNorm ResNet (WD203, as in the repo); a user adds an
# explicit L2 penalty in training_step but returns it as an extra dict key next to "loss", so Lightning never trains on it (WD104, user mistake).
import torch
from pytorch_lightning import LightningModule
from torchmetrics import Accuracy

from optimizers.optimizers import get_optimizer
from criterions.criterions import get_criterion


def get_plmodule(model, args):
    return Model(model, args)


class Model(LightningModule):
    def __init__(self, model, args):
        super().__init__()
        self.model = model
        self.l2_lambda = args.l2_lambda
        self.criterion = get_criterion(args)
        self.optimizer = get_optimizer(model, args)
        self.scheduler = torch.optim.lr_scheduler.MultiStepLR(self.optimizer, milestones=[100, 150])
        self.train_accuracy = Accuracy(task="multiclass", num_classes=args.num_classes)
        self.val_accuracy = Accuracy(task="multiclass", num_classes=args.num_classes)

    def forward(self, x):
        return self.model(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        out = self.model(x)
        loss = self.criterion(out, y)
        l2_penalty = self.l2_lambda * sum(p.pow(2).sum() for p in self.model.parameters())  # expect: WD104
        self.train_accuracy.update(torch.argmax(out, dim=1), y)
        self.log("train/loss", loss, on_epoch=True, prog_bar=True, logger=True)
        self.log("train/l2", l2_penalty, on_epoch=True, logger=True)
        self.log("train/acc", self.train_accuracy, on_epoch=True, prog_bar=True, logger=True)
        return {"loss": loss, "l2": l2_penalty}

    def validation_step(self, batch, batch_idx):
        x, y = batch
        logits = self.model(x)
        self.val_accuracy.update(torch.argmax(logits, dim=1), y)
        self.log("val/loss", self.criterion(logits, y), on_epoch=True, prog_bar=True, logger=True)
        self.log("val/acc", self.val_accuracy, on_epoch=True, prog_bar=True, logger=True)

    def configure_optimizers(self):
        return [self.optimizer], [{"scheduler": self.scheduler, "interval": "epoch"}]
