# Idiom seen in: tensorflow/recommenders tensorflow_recommenders/models/base.py
# What it reproduces: query/candidate towers with embeddings_regularizer and kernel_regularizer.
#   The model in model.py overrides train_step to use one optimizer per tower (as the tfrs docstring
#   suggests) and drops the base class's sum(self.losses): none of these terms is trained on.
import tensorflow as tf


def make_query_tower(user_ids, dim, l2):
    return tf.keras.Sequential([
        tf.keras.layers.StringLookup(vocabulary=user_ids, mask_token=None),
        tf.keras.layers.Embedding(len(user_ids) + 1, dim,
                                  embeddings_regularizer=tf.keras.regularizers.l2(l2)),  # expect: WD103
        tf.keras.layers.Dense(dim, kernel_regularizer=tf.keras.regularizers.l2(l2)),  # expect: WD103
    ], name="query_tower")


def make_candidate_tower(movie_titles, dim, l2):
    return tf.keras.Sequential([
        tf.keras.layers.StringLookup(vocabulary=movie_titles, mask_token=None),
        tf.keras.layers.Embedding(len(movie_titles) + 1, dim,
                                  embeddings_regularizer=tf.keras.regularizers.l2(l2)),  # expect: WD103
    ], name="candidate_tower")
