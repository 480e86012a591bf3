# Idiom seen in: Lightning-AI/tutorials lightning_examples/mnist-hello-world/hello-world.py
# What it reproduces: a realistic user edit of the LitMNIST hello-world (run on KMNIST): an L2 penalty on the
#   parameters is computed in training_step and only logged (also as a "total"), but training_step returns the
#   bare NLL loss, which is what Lightning trains on: the decay term is dropped.
import os

import torch
from pytorch_lightning import LightningModule, Trainer
from torch.nn import functional as F
from torch.utils.data import DataLoader, random_split
from torchmetrics.functional import accuracy
from torchvision import transforms
from torchvision.datasets import KMNIST

PATH_DATASETS = os.environ.get("PATH_DATASETS", ".")
BATCH_SIZE = 256 if torch.cuda.is_available() else 64


class LitKMNIST(LightningModule):
    def __init__(self, data_dir=PATH_DATASETS, hidden_size=64, learning_rate=2e-4, l2_lambda=1e-4):
        super().__init__()
        self.save_hyperparameters()
        self.data_dir = data_dir
        self.num_classes = 10
        self.transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.1918,), (0.3483,))])
        channels, width, height = (1, 28, 28)
        self.model = torch.nn.Sequential(
            torch.nn.Flatten(),
            torch.nn.Linear(channels * width * height, hidden_size),
            torch.nn.ReLU(),
            torch.nn.Dropout(0.1),
            torch.nn.Linear(hidden_size, hidden_size),
            torch.nn.ReLU(),
            torch.nn.Dropout(0.1),
            torch.nn.Linear(hidden_size, self.num_classes),
        )

    def forward(self, x):
        x = self.model(x)
        return F.log_softmax(x, dim=1)

    def training_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        loss = F.nll_loss(logits, y)
        l2_penalty = self.hparams.l2_lambda * sum(p.pow(2).sum() for p in self.parameters())  # expect: WD104
        self.log("train_loss", loss)
        self.log("l2_penalty", l2_penalty)
        self.log("train_total", loss + l2_penalty)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        loss = F.nll_loss(logits, y)
        preds = torch.argmax(logits, dim=1)
        self.log("val_loss", loss, prog_bar=True)
        self.log("val_acc", accuracy(preds, y, task="multiclass", num_classes=10), prog_bar=True)

    def configure_optimizers(self):
        optimizer = torch.optim.Adam(self.parameters(), lr=self.hparams.learning_rate)
        return optimizer

    def prepare_data(self):
        KMNIST(self.data_dir, train=True, download=True)
        KMNIST(self.data_dir, train=False, download=True)

    def setup(self, stage=None):
        if stage == "fit" or stage is None:
            full = KMNIST(self.data_dir, train=True, transform=self.transform)
            self.kmnist_train, self.kmnist_val = random_split(full, [55000, 5000])

    def train_dataloader(self):
        return DataLoader(self.kmnist_train, batch_size=BATCH_SIZE)

    def val_dataloader(self):
        return DataLoader(self.kmnist_val, batch_size=BATCH_SIZE)


if __name__ == "__main__":
    model = LitKMNIST()
    trainer = Trainer(accelerator="auto", devices=1, max_epochs=3)
    trainer.fit(model)
