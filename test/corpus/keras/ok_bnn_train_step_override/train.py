# Idiom seen in: reneaas/BNN-Estimation-of-NLO-Cross-Sections code/core/train_multi_gpu.py
# What it reproduces: argparse entry point that pre-fits the BNN (MAP) with compile/fit, which
#   runs the train_step override of model.py; clean.
import argparse

import numpy as np
import tensorflow as tf

from model import BNN
from slha_loader.slha_loader import SLHAloader
from utils.preprocessing import split_data


def main(epochs, batch_size, lamb):
    dl = SLHAloader(particle_ids=["1000022", "1000023"], feat_dir="./features",
                    target_dir="./targets", target_keys=["nlo"])
    targets = np.log10(dl.targets.get("nlo").to_numpy())
    data = split_data(features=dl.features.to_numpy(), targets=targets)
    x_train, y_train = data["train"]

    model = BNN(hidden=(20, 20), lamb=lamb)
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="mse")
    model.fit(x_train.astype("float32"), y_train[:, None].astype("float32"),
              epochs=epochs, batch_size=batch_size)
    model.save_weights("map_weights")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=500)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--lamb", type=float, default=1e-3)
    args = parser.parse_args()
    main(args.epochs, args.batch, args.lamb)
