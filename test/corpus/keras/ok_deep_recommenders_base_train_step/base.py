# Idiom seen in: LongmaoTeamTf/deep_recommenders deep_recommenders/keras/models/base.py
# Idiom seen in: LongmaoTeamTf/deep_recommenders deep_recommenders/keras/models/feature_interaction/fm.py
# What it reproduces: the library's base Model: train_step calls compute_loss (defined only by the
# subclass) inside the tape and adds regularization_loss = sum(self.losses) before differentiating.
import tensorflow as tf


class Model(tf.keras.Model):
    """Base Model for Deep Recommenders: subclasses must override compute_loss."""

    def compute_loss(self, inputs, training: bool = False) -> tf.Tensor:
        raise NotImplementedError("Implementers must implement the `compute_loss` method.")

    def train_step(self, inputs):
        with tf.GradientTape() as tape:
            loss = self.compute_loss(inputs, training=True)
            regularization_loss = sum(self.losses)
            total_loss = loss + regularization_loss

        gradients = tape.gradient(total_loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))

        metrics = {metric.name: metric.result() for metric in self.metrics}
        metrics["loss"] = loss
        metrics["regularization_loss"] = regularization_loss
        metrics["total_loss"] = total_loss
        return metrics

    def test_step(self, inputs):
        loss = self.compute_loss(inputs, training=False)
        regularization_loss = sum(self.losses)
        metrics = {metric.name: metric.result() for metric in self.metrics}
        metrics["loss"] = loss
        metrics["total_loss"] = loss + regularization_loss
        return metrics
