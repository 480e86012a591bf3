# Idiom seen in: keechang-choi/kaggle-NFL-contact-detection src/train.py
# What it reproduces: the entry point: seed, TensorBoard logger, data module from an input module the program
#   does not hold, the LightningModule, pl.Trainer(...).fit.
import argparse
import os
import random

import numpy as np
import pytorch_lightning as pl
import torch
from pytorch_lightning.callbacks.early_stopping import EarlyStopping
from pytorch_lightning.loggers import TensorBoardLogger

from config import CFG
from dataset import ContactDataModule
from model import CNN25LightningModule


def seed_everything(seed):
    random.seed(seed)
    os.environ['PYTHONHASHSEED'] = str(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="training args")
    parser.add_argument("--load_path", type=str, default="")
    args = parser.parse_args()

    seed_everything(CFG['seed'])
    device_str = "cuda" if torch.cuda.is_available() else "cpu"
    logger = TensorBoardLogger(os.path.abspath(CFG["logger_dir"]), name=CFG["model_name"])

    data_module = ContactDataModule(CFG)
    lightning_module = CNN25LightningModule(CFG["backbone"])
    if args.load_path:
        lightning_module = CNN25LightningModule.load_from_checkpoint(args.load_path, backbone=CFG["backbone"])

    trainer = pl.Trainer(max_epochs=CFG["epochs"], accelerator=device_str, logger=logger,
                         callbacks=[EarlyStopping(monitor="val_loss", mode="min", patience=3)])
    trainer.fit(model=lightning_module, datamodule=data_module)
