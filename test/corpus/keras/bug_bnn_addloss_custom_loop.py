# Idiom seen in: reneaas/BNN-Estimation-of-NLO-Cross-Sections code/core/bnn_class/custom_keras_layer.py
# Idiom seen in: reneaas/BNN-Estimation-of-NLO-Cross-Sections code/core/bnn/map.py
# What it reproduces: MAP pre-fit of a BNN before HMC. The Gaussian prior is put on each layer with
#   self.add_loss(0.5*lamb*sum(kernel**2)) in call(), but the GradientTape step minimizes the
#   Gaussian NLL only and never adds model.losses, so the prior (the L2 decay) does nothing.
import argparse

import numpy as np
import tensorflow as tf

from slha_loader.slha_loader import SLHAloader
from utils.preprocessing import split_data


class GaussianPriorDense(tf.keras.layers.Layer):
    def __init__(self, units, lamb=1e-3, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.lamb = lamb
        self.activation = tf.keras.activations.get(activation)

    def build(self, input_shape):
        self.kernel = self.add_weight("kernel", shape=(int(input_shape[-1]), self.units))
        self.bias = self.add_weight("bias", shape=(self.units,), initializer="zeros")

    def call(self, inputs):
        self.add_loss(0.5 * self.lamb * tf.reduce_sum(tf.square(self.kernel)))  # expect: WD103
        return self.activation(tf.matmul(inputs, self.kernel) + self.bias)


def build_bnn(layers, lamb):
    model = tf.keras.Sequential()
    for units in layers[1:-1]:
        model.add(GaussianPriorDense(units, lamb=lamb, activation="tanh"))
    model.add(GaussianPriorDense(layers[-1], lamb=lamb))
    model.build((None, layers[0]))
    return model


def mle_fit(model, x_train, y_train, epochs, lr, batch_size):
    optimizer = tf.keras.optimizers.Adam(lr)
    ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(10_000).batch(batch_size)

    @tf.function
    def step(x, y):
        with tf.GradientTape() as tape:
            y_pred = model(x, training=True)
            nll = 0.5 * tf.reduce_sum(tf.square(y - y_pred))
        grads = tape.gradient(nll, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return nll

    history = []
    for epoch in range(epochs):
        for x, y in ds:
            loss = step(x, y)
        history.append(float(loss))
    return history


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=32)
    args = parser.parse_args()

    dl = SLHAloader(particle_ids=["1000022", "1000022"], feat_dir="./features",
                    target_dir="./targets", target_keys=["nlo"])
    features = dl.features.to_numpy()
    targets = np.log10(dl.targets.get("nlo").to_numpy())
    x_train, y_train = split_data(features=features, targets=targets)["train"]
    x_train = tf.convert_to_tensor(x_train, dtype=tf.float32)
    y_train = tf.convert_to_tensor(y_train, dtype=tf.float32)[:, None]

    bnn = build_bnn([x_train.shape[-1], 20, 20, 1], lamb=1e-3)
    mle_fit(bnn, x_train, y_train, args.epochs, 1e-3, args.batch)
