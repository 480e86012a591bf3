# Idiom seen in: Ace1928/eidosian_forge archive_forge/src/archive_forge/func_configure_optimizers.py
# What it reproduces: Ray Tune + Lightning MNIST classifier; training_step computes an L2 penalty on the parameters and
# logs loss + penalty as "train_total", but returns the bare cross entropy, so the penalty never trains (WD104).
# Realistic user mistake in the repo's idiom.
import pytorch_lightning as pl
import torch
from torch.nn import functional as F
from torchmetrics import Accuracy
from ray import tune
from ray.tune.integration.pytorch_lightning import TuneReportCheckpointCallback

from mnist_data import MNISTDataModule


class LightningMNISTClassifier(pl.LightningModule):
    def __init__(self, config, data_dir=None):
        super().__init__()
        self.data_dir = data_dir
        self.lr = config["lr"]
        self.l2 = config["l2"]
        self.layer_1 = torch.nn.Linear(28 * 28, config["layer_1_size"])
        self.layer_2 = torch.nn.Linear(config["layer_1_size"], config["layer_2_size"])
        self.layer_3 = torch.nn.Linear(config["layer_2_size"], 10)
        self.accuracy = Accuracy(task="multiclass", num_classes=10)

    def forward(self, x):
        x = x.view(x.size(0), -1)
        x = torch.relu(self.layer_1(x))
        x = torch.relu(self.layer_2(x))
        return torch.log_softmax(self.layer_3(x), dim=1)

    def training_step(self, train_batch, batch_idx):
        x, y = train_batch
        logits = self.forward(x)
        loss = F.nll_loss(logits, y)
        penalty = self.l2 * sum((p ** 2).sum() for p in self.parameters())  # expect: WD104
        self.log("train_total", loss + penalty)
        self.log("ptl/train_accuracy", self.accuracy(logits, y))
        return loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.lr)


def train_mnist_tune(config, num_epochs=10):
    model = LightningMNISTClassifier(config)
    trainer = pl.Trainer(max_epochs=num_epochs, enable_progress_bar=False,
                         callbacks=[TuneReportCheckpointCallback({"loss": "train_total"}, on="train_epoch_end")])
    trainer.fit(model, datamodule=MNISTDataModule(batch_size=config["batch_size"]))


if __name__ == "__main__":
    search_space = {
        "layer_1_size": tune.choice([32, 64, 128]),
        "layer_2_size": tune.choice([64, 128, 256]),
        "lr": tune.loguniform(1e-4, 1e-1),
        "l2": tune.loguniform(1e-6, 1e-3),
        "batch_size": tune.choice([32, 64, 128]),
    }
    tune.run(train_mnist_tune, config=search_space, num_samples=10)
