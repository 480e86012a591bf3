# Idiom seen in: automl/FOB pytorch_fob/optimizers/adamw_baseline/optimizer.py
# What it reproduces: argparse front-end that forwards the decay value into the LightningModule's
#   hyper-parameters and runs pl.Trainer.fit.
# label-note: the finding (WD202) is labelled in optim_setup.py.
import argparse

import pytorch_lightning as pl

from char_data import CharDataModule
from lit_gpt import LitGPT


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--learning_rate", type=float, default=6e-4)
    parser.add_argument("--weight_decay", type=float, default=0.1)
    parser.add_argument("--max_steps", type=int, default=20000)
    parser.add_argument("--data", type=str, default="input.txt")
    args = parser.parse_args()

    dm = CharDataModule(args.data, block_size=256, batch_size=64)
    model = LitGPT(learning_rate=args.learning_rate, weight_decay=args.weight_decay,
                   max_steps=args.max_steps)
    trainer = pl.Trainer(max_steps=args.max_steps, gradient_clip_val=1.0, precision="16-mixed")
    trainer.fit(model, dm)


if __name__ == "__main__":
    main()
