# Idiom seen in: tensorflow/recommenders tensorflow_recommenders/models/base.py
# What it reproduces: query and candidate towers (StringLookup + Embedding with embeddings_regularizer,
#   Dense with kernel_regularizer) for a TFRS retrieval model trained with fit; tfrs.Model.train_step adds
#   sum(self.losses) to compute_loss's value. Clean.
import tensorflow as tf


def make_query_tower(user_ids, dim, l2):
    return tf.keras.Sequential([
        tf.keras.layers.StringLookup(vocabulary=user_ids, mask_token=None),
        tf.keras.layers.Embedding(len(user_ids) + 1, dim,
                                  embeddings_regularizer=tf.keras.regularizers.l2(l2)),
        tf.keras.layers.Dense(dim, kernel_regularizer=tf.keras.regularizers.l2(l2)),
    ], name="query_tower")


def make_candidate_tower(movie_titles, dim, l2):
    return tf.keras.Sequential([
        tf.keras.layers.StringLookup(vocabulary=movie_titles, mask_token=None),
        tf.keras.layers.Embedding(len(movie_titles) + 1, dim,
                                  embeddings_regularizer=tf.keras.regularizers.l2(l2)),
    ], name="candidate_tower")
