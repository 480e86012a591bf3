# Idiom seen in: nicikess/master-thesis src/master_thesis_benge_self_supervised_learning/model/model.py
# What it reproduces: pre-training entry point: the config (a dataclass here, wandb.config in the repo) gives
# weight_decay=1e-6 and the Lightning Trainer fits SimCLR_pl on satellite-image pairs.
from dataclasses import dataclass

import pytorch_lightning as pl
import torchvision

from benge_data import BenGeAugmentedDataModule  # not in this workspace
from model import SimCLR_pl


@dataclass
class SimCLRConfig:
    batch_size: int = 256
    temperature: float = 0.5
    embedding_size: int = 128
    lr: float = 3e-4
    weight_decay: float = 1e-6
    epochs: int = 100
    gradient_accumulation_steps: int = 1


def main():
    config = SimCLRConfig()
    backbone = torchvision.models.resnet18(pretrained=False)
    module = SimCLR_pl(config, model=backbone, feat_dim=512)
    datamodule = BenGeAugmentedDataModule(batch_size=config.batch_size, modality="sentinel2")
    trainer = pl.Trainer(max_epochs=config.epochs, accelerator="gpu", devices=1,
                         accumulate_grad_batches=config.gradient_accumulation_steps)
    trainer.fit(module, datamodule=datamodule)


if __name__ == "__main__":
    main()
