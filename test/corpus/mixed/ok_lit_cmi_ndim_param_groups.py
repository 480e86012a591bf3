# Idiom seen in: karunru/kaggle_monorepo projects/CMI_Detect_Behavior_with_Sensor_Data/codes/exp/exp008/model.py
# What it reproduces: the CMI Squeezeformer-style LightningModule with configure_optimizers split by
# p.ndim: matrices and kernels decay, biases and LayerNorm/BatchNorm parameters get 0.0.
import pytorch_lightning as pl
import torch
from torch import nn
from torch.optim import AdamW
from torch.optim.lr_scheduler import CosineAnnealingLR


class CMIConvModel(pl.LightningModule):
    def __init__(self, input_dim=7, d_model=128, num_classes=18, learning_rate=3e-4,
                 weight_decay=1e-2, max_epochs=60):
        super().__init__()
        self.save_hyperparameters()
        self.learning_rate = learning_rate
        self.weight_decay = weight_decay
        self.stem = nn.Sequential(nn.Conv1d(input_dim, d_model, 5, padding=2),
                                  nn.BatchNorm1d(d_model), nn.SiLU())
        self.norm = nn.LayerNorm(d_model)
        self.head = nn.Linear(d_model, num_classes)
        self.criterion = nn.CrossEntropyLoss()

    def forward(self, imu):
        x = self.stem(imu).mean(dim=-1)
        return self.head(self.norm(x))

    def training_step(self, batch, batch_idx):
        loss = self.criterion(self(batch["imu"]), batch["multiclass_label"])
        self.log("train_loss", loss)
        return loss

    def configure_optimizers(self):
        decay, no_decay = [], []
        for name, p in self.named_parameters():
            if not p.requires_grad:
                continue
            if p.ndim <= 1:
                no_decay.append(p)
            else:
                decay.append(p)
        optimizer = AdamW(
            [{"params": decay, "weight_decay": self.weight_decay},
             {"params": no_decay, "weight_decay": 0.0}],
            lr=self.learning_rate,
        )
        scheduler = CosineAnnealingLR(optimizer, T_max=self.hparams.max_epochs)
        return {"optimizer": optimizer, "lr_scheduler": scheduler}


if __name__ == "__main__":
    from dataset import IMUDataModule

    pl.Trainer(max_epochs=60).fit(CMIConvModel(), IMUDataModule(fold=0))
