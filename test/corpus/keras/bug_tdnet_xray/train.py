# Idiom seen in: repository not resolved by the code index (index file id 55489728520; the training entry that
# calls create_td_net() from the model module and fits it on the chest X-ray directories)
# What it reproduces: the driver side of the TD-Net bug: model creation, class weights and callbacks, then fit;
# nothing here restores the L1 that the model module believes it added.
import argparse

import numpy as np
import tensorflow as tf

from tdnet import create_td_net
from data_loader import make_generators  # not in this folder


def parse_args():
    p = argparse.ArgumentParser(description="Train TD-Net on chest X-rays")
    p.add_argument("--data_dir", default="data/tb_xray")
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--batch_size", type=int, default=32)
    p.add_argument("--l1", type=float, default=1e-5)
    p.add_argument("--lr", type=float, default=1e-4)
    p.add_argument("--out", default="checkpoints/td_net.keras")
    return p.parse_args()


def main():
    args = parse_args()
    train_gen, val_gen = make_generators(args.data_dir, batch_size=args.batch_size)

    counts = np.bincount(train_gen.classes)
    class_weight = {i: float(counts.sum()) / (len(counts) * c) for i, c in enumerate(counts)}

    model = create_td_net(l1_strength=args.l1, learning_rate=args.lr)
    print("regularization terms:", len(model.losses))

    cbs = [
        tf.keras.callbacks.ModelCheckpoint(args.out, monitor="val_recall", mode="max", save_best_only=True),
        tf.keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=3),
        tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=8, restore_best_weights=True),
    ]
    model.fit(train_gen, validation_data=val_gen, epochs=args.epochs,
              class_weight=class_weight, callbacks=cbs)


if __name__ == "__main__":
    main()
