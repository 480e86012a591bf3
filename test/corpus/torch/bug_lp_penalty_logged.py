# Idiom seen in: paninski-lab/lightning-pose lightning_pose/models/base.py
# Idiom seen in: paninski-lab/lightning-pose lightning_pose/models/heatmap_tracker.py
# What it reproduces: a heatmap tracker LightningModule (Adam without weight_decay in configure_optimizers, training_step
#   returning {"loss": loss}); the user adds an L2 penalty on the upsampling head but only folds it into a logged total,
#   so training_step still returns the bare supervised loss and the penalty is dead (user mistake; the repo has no L2).
from typing import Dict

import torch
import torch.nn as nn
import torch.nn.functional as F
from lightning.pytorch import LightningModule
from torch.optim import Adam
from torch.optim.lr_scheduler import MultiStepLR
from torchvision.models import resnet50

MULTISTEPLR_MILESTONES_DEFAULT = [100, 200, 300]
MULTISTEPLR_GAMMA_DEFAULT = 0.5


class HeatmapTracker(LightningModule):
    def __init__(self, num_keypoints: int, l2_head_weight: float = 1e-4, lr_scheduler_params=None):
        super().__init__()
        base = resnet50(weights=None)
        self.backbone = nn.Sequential(*list(base.children())[:-2])
        self.upsampling_layers = nn.Sequential(
            nn.PixelShuffle(2),
            nn.ConvTranspose2d(512, num_keypoints, kernel_size=3, stride=2, padding=1, output_padding=1),
        )
        self.l2_head_weight = l2_head_weight
        self.lr_scheduler_params = lr_scheduler_params
        self.save_hyperparameters(ignore=["lr_scheduler_params"])

    def forward(self, images):
        return self.upsampling_layers(self.backbone(images))

    def evaluate_labeled(self, batch_dict, stage=None):
        predicted_heatmaps = self.forward(batch_dict["images"])
        loss = F.mse_loss(predicted_heatmaps, batch_dict["heatmaps"])
        if stage:
            self.log(f"{stage}_supervised_loss", loss, prog_bar=True)
        return loss

    def training_step(self, train_batch, batch_idx) -> Dict[str, torch.Tensor]:
        loss = self.evaluate_labeled(train_batch, "train")
        l2_head = self.l2_head_weight * sum(p.pow(2).sum() for p in self.upsampling_layers.parameters())  # expect: WD104
        self.log("train_l2_head", l2_head)
        self.log("train_total_loss", loss + l2_head, prog_bar=True)
        return {"loss": loss}

    def validation_step(self, val_batch, batch_idx):
        self.evaluate_labeled(val_batch, "val")

    def get_parameters(self):
        return filter(lambda p: p.requires_grad, self.parameters())

    def configure_optimizers(self) -> dict:
        params = self.get_parameters()
        optimizer = Adam(params, lr=1e-3)
        if self.lr_scheduler_params is None:
            milestones, gamma = MULTISTEPLR_MILESTONES_DEFAULT, MULTISTEPLR_GAMMA_DEFAULT
        else:
            milestones = self.lr_scheduler_params.get("milestones", MULTISTEPLR_MILESTONES_DEFAULT)
            gamma = self.lr_scheduler_params.get("gamma", MULTISTEPLR_GAMMA_DEFAULT)
        scheduler = MultiStepLR(optimizer, milestones=milestones, gamma=gamma)
        return {"optimizer": optimizer, "lr_scheduler": scheduler, "monitor": "val_supervised_loss"}
