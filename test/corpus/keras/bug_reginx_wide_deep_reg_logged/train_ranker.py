# Idiom seen in: caesarjuly/reginx trainer/models/wide_and_deep.py
# What it reproduces: the trainer task for the Wide&Deep ranker: MovieLens feature embeddings from modules the folder
#   does not hold, compile with one optimizer per tower (FTRL for wide, Adam for deep) and fit.
import argparse

import tensorflow as tf

from trainer.models.features.movielens import MovieLensRankingFeatures, MovieLensWideFeatures
from trainer.util.tools import ObjectDict, prepare_dataset
from wide_and_deep import WideAndDeep

parser = argparse.ArgumentParser()
parser.add_argument("--train_data", default="gs://reginx/movielens/train/*.tfrecord")
parser.add_argument("--epochs", type=int, default=10)
parser.add_argument("--batch_size", type=int, default=1024)
parser.add_argument("--deep_lr", type=float, default=1e-3)
parser.add_argument("--wide_lr", type=float, default=1e-2)


def main():
    args = parser.parse_args()
    hparams = ObjectDict(label="user_rating", layer_sizes=[256, 128, 64], dropout=0.2)
    model = WideAndDeep(hparams, deep_emb=MovieLensRankingFeatures(), wide_emb=MovieLensWideFeatures())
    model.compile(optimizer=[tf.keras.optimizers.Ftrl(learning_rate=args.wide_lr),
                             tf.keras.optimizers.Adam(learning_rate=args.deep_lr)])
    train_ds = prepare_dataset(args.train_data, batch_size=args.batch_size)
    model.fit(train_ds, epochs=args.epochs)


if __name__ == "__main__":
    main()
