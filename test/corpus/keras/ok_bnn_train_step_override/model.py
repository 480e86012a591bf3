# Idiom seen in: reneaas/BNN-Estimation-of-NLO-Cross-Sections code/core/bnn_class/custom_keras_layer.py
# What it reproduces: the repo's BNN wrapper as a subclassed tf.keras.Model with a train_step
#   override; the compiled loss is given regularization_losses=self.losses, so the priors added
#   in layers.py are part of the minimized loss; clean.
import tensorflow as tf

from layers import GaussianPriorDense


class BNN(tf.keras.Model):
    def __init__(self, hidden=(20, 20), lamb=1e-3):
        super().__init__()
        self.hidden = [GaussianPriorDense(u, lamb=lamb, activation="tanh") for u in hidden]
        self.out = GaussianPriorDense(1, lamb=lamb)

    def call(self, x, training=False):
        for layer in self.hidden:
            x = layer(x)
        return self.out(x)

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}
