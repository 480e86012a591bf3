# Idiom seen in: jimin-yu/two-tower-demo models/two_tower_model.py (TwoTowerModel.train_step / test_step)
# What it reproduces: a two-tower retrieval model written as a plain tf.keras.Model (not tfrs.Model) with a
#   hand-written train_step: the tfrs Retrieval task gives the in-batch softmax loss, regularization_loss =
#   sum(self.losses) collects the towers' embedding and kernel l2 terms, and the tape differentiates
#   total_loss = loss + regularization_loss. The towers are built by small factory functions.
# label-note: clean. The regularizers' sum is part of the differentiated loss; only embedding tables and Dense
#   kernels are regularized; Adagrad has no weight_decay.
import argparse

import tensorflow as tf
import tensorflow_recommenders as tfrs

from movielens_data import load_interactions  # returns (ratings, movies) tf.data datasets


def make_tower(vocabulary, feature, embedding_dim, l2):
    return tf.keras.Sequential([
        tf.keras.layers.StringLookup(vocabulary=vocabulary, mask_token=None),
        tf.keras.layers.Embedding(len(vocabulary) + 1, embedding_dim,
                                  embeddings_regularizer=tf.keras.regularizers.l2(l2)),
        tf.keras.layers.Dense(embedding_dim, kernel_regularizer=tf.keras.regularizers.l2(l2)),
    ], name=f"{feature}_tower")


class TwoTowerModel(tf.keras.Model):
    def __init__(self, query_model, item_model, item_ds):
        super().__init__()
        self.query_model = query_model
        self.item_model = item_model
        self.task = tfrs.tasks.Retrieval(
            metrics=tfrs.metrics.FactorizedTopK(candidates=item_ds.batch(448).map(self.item_model)))

    def train_step(self, batch):
        with tf.GradientTape() as tape:
            user_embeddings = self.query_model(batch["user_id"])
            item_embeddings = self.item_model(batch["movie_title"])
            loss = self.task(user_embeddings, item_embeddings, compute_metrics=False)
            # Handle regularization losses as well.
            regularization_loss = sum(self.losses)
            total_loss = loss + regularization_loss
        gradients = tape.gradient(total_loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        return {"loss": loss, "regularization_loss": regularization_loss, "total_loss": total_loss}

    def test_step(self, batch):
        user_embeddings = self.query_model(batch["user_id"])
        item_embeddings = self.item_model(batch["movie_title"])
        loss = self.task(user_embeddings, item_embeddings)
        metrics = {metric.name: metric.result() for metric in self.metrics}
        metrics["loss"] = loss
        return metrics


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--embedding_dim", type=int, default=32)
    parser.add_argument("--l2", type=float, default=1e-6)
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args()

    ratings, movies = load_interactions()
    user_vocab = sorted({x.decode() for x in ratings.map(lambda r: r["user_id"]).as_numpy_iterator()})
    title_vocab = sorted({x.decode() for x in movies.as_numpy_iterator()})
    model = TwoTowerModel(make_tower(user_vocab, "user_id", args.embedding_dim, args.l2),
                          make_tower(title_vocab, "movie_title", args.embedding_dim, args.l2),
                          movies)
    model.compile(optimizer=tf.keras.optimizers.Adagrad(learning_rate=args.lr))
    shuffled = ratings.shuffle(100_000, seed=42, reshuffle_each_iteration=False)
    model.fit(shuffled.take(80_000).batch(8192).cache(), epochs=args.epochs,
              validation_data=shuffled.skip(80_000).batch(4096).cache())
