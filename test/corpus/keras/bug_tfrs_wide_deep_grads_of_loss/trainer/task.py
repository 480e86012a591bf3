# Idiom seen in: repository not resolved by the code index (index file id 2402642550: its trainer package with an
#   ObjectDict of hyper-parameters)
# What it reproduces: the training task: argparse into an ObjectDict, MovieLens feature embedding models from a
#   features module that is not part of this folder, compile with one optimizer per tower (Ftrl for the wide
#   part, Adam for the deep part) and fit.
import argparse

import tensorflow as tf

from trainer.features import build_deep_embedding, build_wide_embedding, load_ratings
from models.wide_deep import WideAndDeep


class ObjectDict(dict):
    __getattr__ = dict.__getitem__


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data_dir", default="gs://movielens/100k")
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--batch_size", type=int, default=4096)
    p.add_argument("--wide_lr", type=float, default=0.05)
    p.add_argument("--deep_lr", type=float, default=1e-3)
    p.add_argument("--wide_l2", type=float, default=0.001)
    return ObjectDict(vars(p.parse_args()), label="user_rating", hidden_units=[256, 128, 64])


def main():
    hparams = parse_args()
    train, test = load_ratings(hparams.data_dir)
    model = WideAndDeep(hparams, deep_emb=build_deep_embedding(train), wide_emb=build_wide_embedding(train))
    model.compile(optimizer=[tf.keras.optimizers.Ftrl(learning_rate=hparams.wide_lr),
                             tf.keras.optimizers.Adam(learning_rate=hparams.deep_lr)])
    model.fit(train.batch(hparams.batch_size), epochs=hparams.epochs,
              validation_data=test.batch(hparams.batch_size))


if __name__ == "__main__":
    main()
