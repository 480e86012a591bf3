# Idiom seen in: keechang-choi/kaggle-NFL-contact-detection src/models/cnn_2_5/version/A/model.py
# What it reproduces: a 2.5D CNN (timm backbone + tracking-feature MLP) for player-contact detection in a
#   LightningModule. Realistic mistake in that idiom: training_step computes an L2 penalty and logs the
#   penalized total, but returns the bare BCE loss, which is the only thing Lightning back-propagates; the
#   decay term is computed and dropped (WD104). Adam has no weight_decay of its own.
import pytorch_lightning as pl
import timm
import torch
import torchmetrics
from torch import nn
from torch.nn import functional as F

from config import CFG


class CNN25Model(nn.Module):
    def __init__(self, backbone):
        super(CNN25Model, self).__init__()
        in_chans = CFG["window"] // 4 * 2 + 1
        self.backbone = timm.create_model(backbone, pretrained=(CFG["is_prediction"] is False),
                                          num_classes=500, in_chans=in_chans)
        self.mlp = nn.Sequential(nn.Linear(18, 64), nn.LayerNorm(64), nn.ReLU(), nn.Dropout(0.2))
        self.fc_sigmoid = nn.Sequential(nn.Linear(64 + 500 * 2, 1), nn.Sigmoid())

    def forward(self, img, feature):
        b, c, h, w = img.shape
        img = img.reshape(b * 2, c // 2, h, w)
        img = self.backbone(img).reshape(b, -1)
        feature = self.mlp(feature)
        return self.fc_sigmoid(torch.cat([img, feature], dim=1))


class CNN25LightningModule(pl.LightningModule):
    def __init__(self, backbone):
        super().__init__()
        self.model = CNN25Model(backbone)
        self.valid_acc = torchmetrics.Accuracy(task='binary')

    def training_step(self, batch, batch_index):
        img, feature, label = batch
        output = self.model(img, feature).squeeze(-1)
        loss = F.binary_cross_entropy(output, label)
        l2_reg = CFG["l2_lambda"] * sum(p.pow(2).sum() for p in self.model.parameters())  # expect: WD104
        total_loss = loss + l2_reg
        self.log("train_loss", loss)
        self.log("train_total_loss", total_loss)
        return loss

    def validation_step(self, batch, batch_index):
        img, feature, label = batch
        output = self.model(img, feature).squeeze(-1)
        self.log("val_loss", F.binary_cross_entropy(output, label))
        self.valid_acc(output, label)
        self.log('valid_acc_step', self.valid_acc)

    def configure_optimizers(self):
        optimizer = torch.optim.Adam(self.parameters(), lr=CFG["lr"])
        return optimizer
