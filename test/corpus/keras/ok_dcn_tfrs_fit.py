# Idiom seen in: tobigs-reco-conf-1314/Tommelier jinseok/.ipynb_checkpoints/DCN-checkpoint.py
# What it reproduces: a Deep & Cross Network ranker as a tfrs.Model (embeddings per feature, a Cross layer, deep Dense
#   layers with l2 kernel regularizers, a Ranking task) trained with compile/fit; tfrs.Model's train_step adds
#   sum(self.losses) to the task loss it differentiates, so the regularizers act; clean.
import numpy as np
import tensorflow as tf
import tensorflow_datasets as tfds
import tensorflow_recommenders as tfrs

str_features = ["movie_id", "user_id", "user_zip_code", "user_occupation_text"]
int_features = ["user_gender", "bucketized_user_age"]

ratings = tfds.load("movielens/100k-ratings", split="train")
ratings = ratings.map(lambda x: {name: x[name] for name in str_features + int_features + ["user_rating"]})
vocabularies = {}
for feature_name in str_features + int_features:
    vocab = ratings.batch(1_000_000).map(lambda x: x[feature_name])
    vocabularies[feature_name] = np.unique(np.concatenate(list(vocab)))


class DCN(tfrs.Model):
    def __init__(self, use_cross_layer, deep_layer_sizes, projection_dim=None, l2_reg=1e-5):
        super().__init__()
        self.embedding_dimension = 32
        self._all_features = str_features + int_features
        self._embeddings = {}
        for feature_name in str_features:
            vocabulary = vocabularies[feature_name]
            self._embeddings[feature_name] = tf.keras.Sequential([
                tf.keras.layers.StringLookup(vocabulary=vocabulary, mask_token=None),
                tf.keras.layers.Embedding(len(vocabulary) + 1, self.embedding_dimension)])
        for feature_name in int_features:
            vocabulary = vocabularies[feature_name]
            self._embeddings[feature_name] = tf.keras.Sequential([
                tf.keras.layers.IntegerLookup(vocabulary=vocabulary, mask_value=None),
                tf.keras.layers.Embedding(len(vocabulary) + 1, self.embedding_dimension)])
        self._cross_layer = (tfrs.layers.dcn.Cross(projection_dim=projection_dim,
                                                   kernel_initializer="glorot_uniform")
                             if use_cross_layer else None)
        self._deep_layers = [tf.keras.layers.Dense(layer_size, activation="relu",
                                                   kernel_regularizer=tf.keras.regularizers.l2(l2_reg))
                             for layer_size in deep_layer_sizes]
        self._logit_layer = tf.keras.layers.Dense(1)
        self.task = tfrs.tasks.Ranking(loss=tf.keras.losses.MeanSquaredError(),
                                       metrics=[tf.keras.metrics.RootMeanSquaredError("RMSE")])

    def call(self, features):
        embeddings = [self._embeddings[name](features[name]) for name in self._all_features]
        x = tf.concat(embeddings, axis=1)
        if self._cross_layer is not None:
            x = self._cross_layer(x)
        for deep_layer in self._deep_layers:
            x = deep_layer(x)
        return self._logit_layer(x)

    def compute_loss(self, features, training=False):
        labels = features.pop("user_rating")
        scores = self(features)
        return self.task(labels=labels, predictions=scores)


tf.random.set_seed(42)
shuffled = ratings.shuffle(100_000, seed=42, reshuffle_each_iteration=False)
cached_train = shuffled.take(80_000).batch(8192).cache()
cached_test = shuffled.skip(80_000).take(20_000).batch(4096).cache()

model = DCN(use_cross_layer=True, deep_layer_sizes=[192, 192], projection_dim=None)
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.01))
model.fit(cached_train, epochs=8, verbose=False)
print(model.evaluate(cached_test, return_dict=True, verbose=False)["RMSE"])
