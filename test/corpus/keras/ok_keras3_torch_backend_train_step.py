# Idiom seen in: bayesflow-org/bayesflow bayesflow/approximators/backend_approximators/torch_approximator.py
# What it reproduces: Keras 3 on the PyTorch backend: a keras.Model whose train_step computes a metrics dict
#   under torch.enable_grad(), calls self.zero_grad() and loss.backward(), and applies the Keras optimizer to
#   v.value.grad. compute_metrics adds ops.sum(self.losses), i.e. the l2 kernel regularizers of the summary
#   and inference networks, to the loss that is back-propagated.
# label-note: clean. No torch.optim optimizer exists (the Keras Adam has no weight_decay); the regularizers
#   reach loss.backward() through self.losses.
import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch
from keras import layers, ops, regularizers

from simulators import make_training_set  # simulator data, not part of this workspace


def mlp(units, l2, name):
    return keras.Sequential([layers.Dense(u, activation="silu", kernel_regularizer=regularizers.L2(l2)) for u in units],
                            name=name)


class Approximator(keras.Model):
    def __init__(self, num_params, l2=1e-4, **kwargs):
        super().__init__(**kwargs)
        self.summary_network = mlp((128, 128, 32), l2, "summary")
        self.inference_network = mlp((256, 256), l2, "inference")
        self.head = layers.Dense(2 * num_params, name="gaussian_head")
        self.loss_tracker = keras.metrics.Mean(name="loss")

    def call(self, observables, training=False):
        h = self.inference_network(self.summary_network(observables, training=training), training=training)
        mean, log_std = ops.split(self.head(h), 2, axis=-1)
        return mean, log_std

    def compute_metrics(self, data, stage="training"):
        observables, params = data
        mean, log_std = self(observables, training=stage == "training")
        nll = ops.mean(ops.sum(0.5 * ops.square((params - mean) / ops.exp(log_std)) + log_std, axis=-1))
        loss = nll
        if self.losses:
            loss = loss + ops.sum(self.losses)
        return {"loss": loss, "nll": nll}

    def train_step(self, data):
        with torch.enable_grad():
            metrics = self.compute_metrics(data, stage="training")
        loss = metrics["loss"]
        self.zero_grad()
        loss.backward()
        trainable_weights = self.trainable_weights[:]
        gradients = [v.value.grad for v in trainable_weights]
        with torch.no_grad():
            self.optimizer.apply(gradients, trainable_weights)
        self.loss_tracker.update_state(loss)
        return {"loss": self.loss_tracker.result(), "nll": metrics["nll"]}

    @property
    def metrics(self):
        return [self.loss_tracker]


if __name__ == "__main__":
    observables, params = make_training_set(num_simulations=50_000)
    approximator = Approximator(num_params=params.shape[-1])
    approximator.compile(optimizer=keras.optimizers.Adam(learning_rate=5e-4, clipnorm=1.0))
    approximator.fit(observables, params, batch_size=256, epochs=100)
