# Idiom seen in: karunru/kaggle_monorepo projects/CMI_Detect_Behavior_with_Sensor_Data/codes/exp/exp008/model.py
# What it reproduces: a CMI LightningModule computes an L2 penalty in training_step, but it goes
# only into self.log_dict; the loss training_step returns (what Lightning trains on) leaves it out.
import pytorch_lightning as pl
import torch
from torch import nn


class CMIGRUModel(pl.LightningModule):
    def __init__(self, input_dim=7, hidden=128, num_classes=18, learning_rate=1e-3, l2_lambda=1e-4):
        super().__init__()
        self.save_hyperparameters()
        self.learning_rate = learning_rate
        self.l2_lambda = l2_lambda
        self.gru = nn.GRU(input_dim, hidden, batch_first=True, bidirectional=True)
        self.head = nn.Linear(2 * hidden, num_classes)
        self.criterion = nn.CrossEntropyLoss()

    def forward(self, imu):
        out, _ = self.gru(imu.transpose(1, 2))
        return self.head(out.mean(dim=1))

    def training_step(self, batch, batch_idx):
        logits = self(batch["imu"])
        ce = self.criterion(logits, batch["multiclass_label"])
        l2 = self.l2_lambda * sum(p.pow(2).sum() for p in self.parameters())  # expect: WD104
        self.log_dict({"train_ce": ce, "train_l2": l2, "train_total": ce + l2}, prog_bar=True)
        return ce

    def validation_step(self, batch, batch_idx):
        logits = self(batch["imu"])
        self.log("val_loss", self.criterion(logits, batch["multiclass_label"]))

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.learning_rate)


if __name__ == "__main__":
    from dataset import IMUDataModule

    model = CMIGRUModel(l2_lambda=1e-4)
    pl.Trainer(max_epochs=30).fit(model, IMUDataModule(fold=0))
