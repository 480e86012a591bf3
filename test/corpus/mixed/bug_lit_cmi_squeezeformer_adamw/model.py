# Idiom seen in: karunru/kaggle_monorepo projects/CMI_Detect_Behavior_with_Sensor_Data/codes/exp/exp008/model.py
# What it reproduces: the CMI Squeezeformer LightningModule's configure_optimizers hands
# self.parameters() (LayerNorm, BatchNorm1d and every bias) to one decayed AdamW group.
import pytorch_lightning as pl
import torch
from torch import nn
from torch.optim import AdamW
from torch.optim.lr_scheduler import CosineAnnealingLR


class ConvolutionModule(nn.Module):
    def __init__(self, d_model: int, kernel_size: int = 31):
        super().__init__()
        self.layer_norm = nn.LayerNorm(d_model)
        self.depthwise_conv = nn.Conv1d(d_model, d_model, kernel_size,
                                        padding=(kernel_size - 1) // 2, groups=d_model)
        self.batch_norm = nn.BatchNorm1d(d_model)
        self.pointwise_conv = nn.Conv1d(d_model, d_model, 1)

    def forward(self, x):
        residual = x
        x = self.layer_norm(x).transpose(1, 2)
        x = self.pointwise_conv(torch.nn.functional.silu(self.batch_norm(self.depthwise_conv(x))))
        return x.transpose(1, 2) + residual


class CMISqueezeformer(pl.LightningModule):
    def __init__(self, input_dim=7, d_model=256, n_layers=8, num_classes=18,
                 learning_rate=3e-4, weight_decay=1e-5, max_epochs=100):
        super().__init__()
        self.save_hyperparameters()
        self.learning_rate = learning_rate
        self.weight_decay = weight_decay
        self.input_projection = nn.Linear(input_dim, d_model)
        self.blocks = nn.ModuleList([ConvolutionModule(d_model) for _ in range(n_layers)])
        self.multiclass_head = nn.Sequential(nn.LayerNorm(d_model), nn.Linear(d_model, num_classes))
        self.binary_head = nn.Sequential(nn.LayerNorm(d_model), nn.Linear(d_model, 1))
        self.multiclass_criterion = nn.CrossEntropyLoss()
        self.binary_criterion = nn.BCEWithLogitsLoss()

    def forward(self, imu):
        x = self.input_projection(imu.transpose(1, 2))
        for block in self.blocks:
            x = block(x)
        x = x.mean(dim=1)
        return self.multiclass_head(x), self.binary_head(x)

    def training_step(self, batch, batch_idx):
        multiclass_logits, binary_logits = self(batch["imu"])
        loss = 0.5 * self.multiclass_criterion(multiclass_logits, batch["multiclass_label"]) \
            + 0.5 * self.binary_criterion(binary_logits.squeeze(-1), batch["binary_label"])
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def configure_optimizers(self):
        optimizer = AdamW(self.parameters(), lr=self.learning_rate, weight_decay=self.weight_decay)  # expect: WD203
        scheduler = CosineAnnealingLR(optimizer, T_max=self.hparams.max_epochs)
        return {"optimizer": optimizer, "lr_scheduler": scheduler}
