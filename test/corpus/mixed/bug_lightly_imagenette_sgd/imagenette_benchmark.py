# Idiom seen in: lightly-ai/lightly docs/source/getting_started/benchmarks/imagenette_benchmark.py
# What it reproduces: lightly's Imagenette SSL benchmark (ResNet-18 backbones with BatchNorm, projection heads with
# BatchNorm1d); each model's configure_optimizers builds SGD(momentum=0.9, weight_decay=5e-4) on all of its
# parameters in one group, so biases and every BatchNorm weight are decayed too (as in the benchmark).

import copy

import pytorch_lightning as pl
import torch
import torch.nn as nn
import torchvision
from lightly.loss import NegativeCosineSimilarity, NTXentLoss
from lightly.models.modules import BYOLPredictionHead, BYOLProjectionHead, SimCLRProjectionHead
from lightly.models.utils import deactivate_requires_grad, update_momentum

from benchmark_module import BenchmarkModule
from data import get_dataloaders

max_epochs = 800
batch_size = 256
lr_factor = batch_size / 128  # scales the learning rate linearly with batch size
num_classes = 10


def make_backbone():
    resnet = torchvision.models.resnet18()
    return nn.Sequential(*list(resnet.children())[:-1])


class SimCLRModel(BenchmarkModule):
    def __init__(self, dataloader_kNN, num_classes):
        super().__init__(dataloader_kNN, num_classes)
        self.backbone = make_backbone()
        self.projection_head = SimCLRProjectionHead(512, 512, 128)
        self.criterion = NTXentLoss()

    def forward(self, x):
        return self.projection_head(self.backbone(x).flatten(start_dim=1))

    def training_step(self, batch, batch_index):
        (x0, x1), _, _ = batch
        loss = self.criterion(self.forward(x0), self.forward(x1))
        self.log("train_loss_ssl", loss)
        return loss

    def configure_optimizers(self):
        optim = torch.optim.SGD(self.parameters(), lr=6e-2 * lr_factor, momentum=0.9, weight_decay=5e-4)  # expect: WD203
        scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optim, max_epochs)
        return [optim], [scheduler]


class BYOLModel(BenchmarkModule):
    def __init__(self, dataloader_kNN, num_classes):
        super().__init__(dataloader_kNN, num_classes)
        self.backbone = make_backbone()
        self.projection_head = BYOLProjectionHead(512, 4096, 256)
        self.prediction_head = BYOLPredictionHead(256, 4096, 256)
        self.backbone_momentum = copy.deepcopy(self.backbone)
        self.projection_head_momentum = copy.deepcopy(self.projection_head)
        deactivate_requires_grad(self.backbone_momentum)
        deactivate_requires_grad(self.projection_head_momentum)
        self.criterion = NegativeCosineSimilarity()

    def forward(self, x):
        return self.prediction_head(self.projection_head(self.backbone(x).flatten(start_dim=1)))

    def forward_momentum(self, x):
        return self.projection_head_momentum(self.backbone_momentum(x).flatten(start_dim=1)).detach()

    def training_step(self, batch, batch_idx):
        update_momentum(self.backbone, self.backbone_momentum, m=0.99)
        update_momentum(self.projection_head, self.projection_head_momentum, m=0.99)
        (x0, x1), _, _ = batch
        p0, z0 = self.forward(x0), self.forward_momentum(x0)
        p1, z1 = self.forward(x1), self.forward_momentum(x1)
        loss = 0.5 * (self.criterion(p0, z1) + self.criterion(p1, z0))
        self.log("train_loss_ssl", loss)
        return loss

    def configure_optimizers(self):
        params = list(self.backbone.parameters()) + list(self.projection_head.parameters()) + list(
            self.prediction_head.parameters())
        optim = torch.optim.SGD(params, lr=6e-2 * lr_factor, momentum=0.9, weight_decay=5e-4)  # expect: WD203
        scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optim, max_epochs)
        return [optim], [scheduler]


if __name__ == "__main__":
    dataloader_train_ssl, dataloader_train_kNN, dataloader_test = get_dataloaders(batch_size)
    for model_cls in (SimCLRModel, BYOLModel):
        model = model_cls(dataloader_train_kNN, num_classes)
        trainer = pl.Trainer(max_epochs=max_epochs, accelerator="gpu", devices=1)
        trainer.fit(model, train_dataloaders=dataloader_train_ssl, val_dataloaders=dataloader_test)
        print(f"{model_cls.__name__}: max kNN accuracy {model.max_accuracy:.4f}")
