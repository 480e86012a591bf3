# Idiom seen in: Spijkervet/SimCLR main_pl.py
# What it reproduces: SimCLR pretraining as a LightningModule: with optimizer "Adam" (the config default) the
#   model is trained by Adam(self.model.parameters(), lr=3e-4) without any weight decay; with "LARS" the
#   package's LARS applies weight_decay 1e-6 while excluding batch-norm and bias parameters by name, as in the
#   paper. No penalty is added to the NT-Xent loss. Clean.
import argparse

import pytorch_lightning as pl
import torch
import torchvision
from pytorch_lightning import LightningModule, Trainer
from torch.utils.data import DataLoader

from simclr import SimCLR
from simclr.modules import LARS, NT_Xent, get_resnet
from simclr.modules.transformations import TransformsSimCLR
from utils import yaml_config_hook


class ContrastiveLearning(LightningModule):
    def __init__(self, args):
        super().__init__()
        self.save_hyperparameters(vars(args))
        self.encoder = get_resnet(self.hparams.resnet, pretrained=False)
        self.n_features = self.encoder.fc.in_features
        self.model = SimCLR(self.encoder, self.hparams.projection_dim, self.n_features)
        self.criterion = NT_Xent(self.hparams.batch_size, self.hparams.temperature, world_size=1)

    def forward(self, x_i, x_j):
        h_i, h_j, z_i, z_j = self.model(x_i, x_j)
        return self.criterion(z_i, z_j)

    def training_step(self, batch, batch_idx):
        (x_i, x_j), _ = batch
        loss = self.forward(x_i, x_j)
        self.log("train_loss", loss)
        return loss

    def configure_optimizers(self):
        scheduler = None
        if self.hparams.optimizer == "Adam":
            optimizer = torch.optim.Adam(self.model.parameters(), lr=3e-4)
        elif self.hparams.optimizer == "LARS":
            # optimized using LARS with linear learning rate scaling
            # (i.e. LearningRate = 0.3 x BatchSize/256) and weight decay of 10^-6.
            learning_rate = 0.3 * self.hparams.batch_size / 256
            optimizer = LARS(
                self.model.parameters(),
                lr=learning_rate,
                weight_decay=self.hparams.weight_decay,
                exclude_from_weight_decay=["batch_normalization", "bias"],
            )
            scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, self.hparams.epochs, eta_min=0,
                                                                   last_epoch=-1)
        else:
            raise NotImplementedError
        if scheduler:
            return {"optimizer": optimizer, "lr_scheduler": scheduler}
        return {"optimizer": optimizer}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="SimCLR")
    config = yaml_config_hook("./config/config.yaml")
    for k, v in config.items():
        parser.add_argument(f"--{k}", default=v, type=type(v))
    args = parser.parse_args()

    if args.dataset == "STL10":
        train_dataset = torchvision.datasets.STL10(args.dataset_dir, split="unlabeled", download=True,
                                                   transform=TransformsSimCLR(size=args.image_size))
    else:
        train_dataset = torchvision.datasets.CIFAR10(args.dataset_dir, download=True,
                                                     transform=TransformsSimCLR(size=args.image_size))
    train_loader = DataLoader(train_dataset, batch_size=args.batch_size, num_workers=args.workers, drop_last=True)

    cl = ContrastiveLearning(args)
    trainer = Trainer(max_epochs=args.epochs, accelerator="auto", sync_batchnorm=True)
    trainer.fit(cl, train_loader)
