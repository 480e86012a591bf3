# Idiom seen in: paninski-lab/lightning-pose lightning_pose/models/base.py
# Idiom seen in: paninski-lab/lightning-pose lightning_pose/models/heatmap_tracker.py
# What it reproduces: a heatmap tracker LightningModule whose configure_optimizers builds Adam(lr=1e-3) with no
#   weight_decay over the trainable parameters; training_step adds an explicit L2 on the head's kernels (ndim > 1) to
#   the supervised loss and returns that sum as {"loss": ...}. Clean: the only decay is in the loss Lightning trains on.
from typing import Dict

import torch
import torch.nn as nn
import torch.nn.functional as F
from lightning.pytorch import LightningModule, Trainer
from torch.optim import Adam
from torch.optim.lr_scheduler import MultiStepLR
from torchvision.models import resnet50

from lightning_pose.data.datamodules import BaseDataModule


class HeatmapTracker(LightningModule):
    def __init__(self, num_keypoints: int, l2_head_weight: float = 1e-4):
        super().__init__()
        base = resnet50(weights=None)
        self.backbone = nn.Sequential(*list(base.children())[:-2])
        self.upsampling_layers = nn.Sequential(
            nn.PixelShuffle(2),
            nn.ConvTranspose2d(512, num_keypoints, kernel_size=3, stride=2, padding=1, output_padding=1),
        )
        self.l2_head_weight = l2_head_weight

    def forward(self, images):
        return self.upsampling_layers(self.backbone(images))

    def head_l2(self):
        return sum(p.pow(2).sum() for p in self.upsampling_layers.parameters() if p.ndim > 1)

    def evaluate_labeled(self, batch_dict, stage=None):
        predicted_heatmaps = self.forward(batch_dict["images"])
        loss = F.mse_loss(predicted_heatmaps, batch_dict["heatmaps"])
        if stage:
            self.log(f"{stage}_supervised_loss", loss, prog_bar=True)
        return loss

    def training_step(self, train_batch, batch_idx) -> Dict[str, torch.Tensor]:
        loss_super = self.evaluate_labeled(train_batch, "train")
        loss = loss_super + self.l2_head_weight * self.head_l2()
        self.log("train_total_loss", loss, prog_bar=True)
        return {"loss": loss}

    def validation_step(self, val_batch, batch_idx):
        self.evaluate_labeled(val_batch, "val")

    def configure_optimizers(self) -> dict:
        params = filter(lambda p: p.requires_grad, self.parameters())
        optimizer = Adam(params, lr=1e-3)
        scheduler = MultiStepLR(optimizer, milestones=[100, 200, 300], gamma=0.5)
        return {"optimizer": optimizer, "lr_scheduler": scheduler, "monitor": "val_supervised_loss"}


if __name__ == "__main__":
    data_module = BaseDataModule(data_dir="data/mirror-mouse", batch_size=16)
    model = HeatmapTracker(num_keypoints=17)
    Trainer(max_epochs=300).fit(model, datamodule=data_module)
