# Idiom seen in: ashleve/lightning-hydra-template src/train.py
# What it reproduces: the @hydra.main entry point instantiating the datamodule, the LightningModule (with
# its net and partial optimizer) and the Trainer from the composed config, then trainer.fit.
# label-note: no findings here; see src/models/mnist_module.py.
from typing import Optional

import hydra
import lightning as L
from lightning import LightningDataModule, LightningModule, Trainer
from omegaconf import DictConfig


def train(cfg: DictConfig) -> Optional[float]:
    if cfg.get("seed"):
        L.seed_everything(cfg.seed, workers=True)
    datamodule: LightningDataModule = hydra.utils.instantiate(cfg.data)
    model: LightningModule = hydra.utils.instantiate(cfg.model)
    trainer: Trainer = hydra.utils.instantiate(cfg.trainer)
    if cfg.get("train"):
        trainer.fit(model=model, datamodule=datamodule, ckpt_path=cfg.get("ckpt_path"))
    return trainer.callback_metrics.get("val/acc_best")


@hydra.main(version_base="1.3", config_path="../configs", config_name="train.yaml")
def main(cfg: DictConfig) -> Optional[float]:
    return train(cfg)


if __name__ == "__main__":
    main()
