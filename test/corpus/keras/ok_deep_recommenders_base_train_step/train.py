# Idiom seen in: LongmaoTeamTf/deep_recommenders deep_recommenders/keras/models/base.py
# Idiom seen in: LongmaoTeamTf/deep_recommenders deep_recommenders/datasets/movielens.py
# What it reproduces: compile/fit of the FM on MovieLens click data; fit runs the base class's
# train_step, which includes sum(self.losses). Clean.
import argparse

import tensorflow as tf

from deep_recommenders.datasets import MovielensRanking
from fm import FM

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=10)
parser.add_argument("--batch_size", type=int, default=1024)
parser.add_argument("--l2_reg", type=float, default=1e-5)
args = parser.parse_args()

movielens = MovielensRanking()
train_ds = movielens.training_input_fn.batch(args.batch_size)
test_ds = movielens.testing_input_fn.batch(args.batch_size)

model = FM(movielens.num_features, factors=16, l2_reg=args.l2_reg)
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=1e-3))
model.fit(train_ds, epochs=args.epochs, validation_data=test_ds)
