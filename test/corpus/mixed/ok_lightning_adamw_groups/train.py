# Idiom seen in: XfensorX/rna_sequencing experiments/encoding/models/model1.py
# Idiom seen in: wenjtop/image_classification classfication/optimizer/optim_factory.py
# What it reproduces: a LightningModule whose configure_optimizers builds decay/no-decay groups by
# name (bias, LayerNorm, ndim<=1) and returns AdamW over them; the training script wires a DataModule
# from a package the workspace does not hold. Clean: decoupled decay, biases and norms excluded.
import argparse

import pytorch_lightning as pl

from model import Encoder
from rna_data.datamodule import RnaDataModule


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, default=3e-4)
    parser.add_argument("--weight_decay", type=float, default=0.05)
    parser.add_argument("--epochs", type=int, default=100)
    args = parser.parse_args()

    dm = RnaDataModule(batch_size=256)
    model = Encoder(lr=args.lr, weight_decay=args.weight_decay)
    trainer = pl.Trainer(max_epochs=args.epochs, accelerator="auto", gradient_clip_val=1.0)
    trainer.fit(model, datamodule=dm)


if __name__ == "__main__":
    main()
