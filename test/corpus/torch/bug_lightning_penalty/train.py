# Idiom seen in: huyvnphan/PyTorch_CIFAR10 module.py
# What it reproduces: the Lightning entry point: argparse, a LightningDataModule from a module this folder lacks,
# `pl.Trainer(...).fit(model, datamodule=dm)` under `if __name__ == "__main__"`.
from argparse import ArgumentParser

import pytorch_lightning as pl

from datamodule import CIFAR10DataModule
from lit_module import LitConvNet


def main(args):
    pl.seed_everything(0)
    dm = CIFAR10DataModule(data_dir=args.data_dir, batch_size=args.batch_size, num_workers=4)
    model = LitConvNet(lr=args.lr, l2_lambda=args.l2_lambda)
    trainer = pl.Trainer(max_epochs=args.max_epochs, accelerator="auto", devices=1, precision="16-mixed")
    trainer.fit(model, datamodule=dm)


if __name__ == "__main__":
    parser = ArgumentParser()
    parser.add_argument("--data_dir", type=str, default="./data")
    parser.add_argument("--batch_size", type=int, default=128)
    parser.add_argument("--max_epochs", type=int, default=60)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--l2_lambda", type=float, default=1e-4)
    main(parser.parse_args())
