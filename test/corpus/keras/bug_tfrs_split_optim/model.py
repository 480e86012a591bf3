# Idiom seen in: tensorflow/recommenders tensorflow_recommenders/models/base.py
# What it reproduces: realistic mistake when overriding tfrs.Model.train_step for two optimizers: the
#   override differentiates only compute_loss's value and forgets the base class's
#   `regularization_loss = sum(self.losses)`, so fit now trains the towers without their L2.
import tensorflow as tf
import tensorflow_recommenders as tfrs


class TwoOptimizerRetrieval(tfrs.Model):
    def __init__(self, query_tower, candidate_tower, candidates):
        super().__init__()
        self.query_tower = query_tower
        self.candidate_tower = candidate_tower
        self.task = tfrs.tasks.Retrieval(
            metrics=tfrs.metrics.FactorizedTopK(candidates=candidates.batch(128).map(candidate_tower)))
        self.query_optimizer = tf.keras.optimizers.Adam(1e-3)
        self.candidate_optimizer = tf.keras.optimizers.Adagrad(0.1)

    def compute_loss(self, features, training=False):
        query = self.query_tower(features["user_id"])
        candidate = self.candidate_tower(features["movie_title"])
        return self.task(query, candidate, compute_metrics=not training)

    def train_step(self, features):
        q_vars = self.query_tower.trainable_variables
        c_vars = self.candidate_tower.trainable_variables
        with tf.GradientTape() as tape:
            loss = self.compute_loss(features, training=True)
        q_grads, c_grads = tape.gradient(loss, (q_vars, c_vars))
        self.query_optimizer.apply_gradients(zip(q_grads, q_vars))
        self.candidate_optimizer.apply_gradients(zip(c_grads, c_vars))
        metrics = {m.name: m.result() for m in self.metrics}
        metrics["loss"] = loss
        return metrics
