# Idiom seen in: zmgong/nam_with_attention example_single_task.py (defaults(), NAM(...), LitNAM, pl.Trainer)
# What it reproduces: the entry point: config defaults overridden from argparse, the dataset from a data
#   module this folder lacks, units per feature from the number of unique values, Lightning fit.
# label-note: no findings here (see nam/losses.py and litnam.py).
import argparse

import pytorch_lightning as pl

from nam.config import defaults
from nam.data import FoldedDataset  # not part of this program
from nam.models import NAM
from litnam import LitNAM


def get_num_units(config, dataset):
    uniques = dataset.num_unique_values()
    return [min(config.num_basis_functions, u * config.units_multiplier) for u in uniques]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_path", default=None)
    parser.add_argument("--num_epochs", type=int, default=None)
    parser.add_argument("--lr", type=float, default=None)
    args = parser.parse_args()

    config = defaults()
    config.update(**{k: v for k, v in vars(args).items() if v is not None})

    dataset = FoldedDataset(config, data_path=config.data_path, features_columns=None, targets_column="target")
    train_dl, val_dl = dataset.train_dataloaders()[0]

    model = NAM(num_inputs=dataset.num_features, num_units=get_num_units(config, dataset),
                hidden_sizes=config.hidden_sizes, dropout=config.dropout,
                feature_dropout=config.feature_dropout)
    litmodel = LitNAM(config, model)
    trainer = pl.Trainer(max_epochs=config.num_epochs)
    trainer.fit(litmodel, train_dataloaders=train_dl, val_dataloaders=val_dl)


if __name__ == "__main__":
    main()
