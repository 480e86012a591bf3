# Idiom seen in: tensorflow/recommenders tensorflow_recommenders/models/base.py
# What it reproduces: MovieLens retrieval driver: the per-tower optimizers live in the model, compile only
#   sets the run config, fit runs the overridden train_step.
import numpy as np
import tensorflow as tf
import tensorflow_datasets as tfds

from model import TwoOptimizerRetrieval
from towers import make_query_tower, make_candidate_tower

EMBED_DIM = 64
EMBED_L2 = 1e-6


def main():
    ratings = tfds.load("movielens/100k-ratings", split="train").map(
        lambda x: {"user_id": x["user_id"], "movie_title": x["movie_title"]})
    movies = tfds.load("movielens/100k-movies", split="train").map(lambda x: x["movie_title"])
    user_ids = np.unique(np.concatenate(list(ratings.batch(10000).map(lambda x: x["user_id"]))))
    titles = np.unique(np.concatenate(list(movies.batch(1000))))

    model = TwoOptimizerRetrieval(make_query_tower(user_ids, EMBED_DIM, EMBED_L2),
                               make_candidate_tower(titles, EMBED_DIM, EMBED_L2), movies)
    model.compile()
    shuffled = ratings.shuffle(100000, seed=42, reshuffle_each_iteration=False)
    model.fit(shuffled.take(80000).batch(8192).cache(), epochs=3)
    print(model.evaluate(shuffled.skip(80000).take(20000).batch(4096).cache(), return_dict=True))


if __name__ == "__main__":
    main()
