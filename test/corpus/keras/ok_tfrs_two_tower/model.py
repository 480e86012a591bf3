# Idiom seen in: tensorflow/recommenders tensorflow_recommenders/models/base.py
# What it reproduces: a tfrs.Model subclass that only implements compute_loss; the package's train_step
#   differentiates compute_loss + sum(self.losses), so the towers' regularizers are trained on. Clean.
import tensorflow as tf
import tensorflow_recommenders as tfrs


class MovielensRetrieval(tfrs.Model):
    def __init__(self, query_tower, candidate_tower, candidates):
        super().__init__()
        self.query_tower = query_tower
        self.candidate_tower = candidate_tower
        self.task = tfrs.tasks.Retrieval(
            metrics=tfrs.metrics.FactorizedTopK(candidates=candidates.batch(128).map(candidate_tower)))

    def compute_loss(self, features, training=False):
        query = self.query_tower(features["user_id"])
        candidate = self.candidate_tower(features["movie_title"])
        return self.task(query, candidate, compute_metrics=not training)
