# Idiom seen in: SimonKoop/common_jax_utils src/common_jax_utils/masks.py
# What it reproduces: equinox encoder/head model used by train.py; clean.
import equinox as eqx
import jax


class Encoder(eqx.Module):
    layers: list
    norm: eqx.nn.LayerNorm

    def __init__(self, in_size, width, key):
        k1, k2 = jax.random.split(key)
        self.layers = [eqx.nn.Linear(in_size, width, key=k1), eqx.nn.Linear(width, width, key=k2)]
        self.norm = eqx.nn.LayerNorm(width)

    def __call__(self, x):
        for layer in self.layers:
            x = jax.nn.relu(layer(x))
        return self.norm(x)


class Classifier(eqx.Module):
    encoder: Encoder
    head: eqx.nn.Linear

    def __init__(self, in_size, width, n_classes, key):
        k1, k2 = jax.random.split(key)
        self.encoder = Encoder(in_size, width, k1)
        self.head = eqx.nn.Linear(width, n_classes, key=k2)

    def __call__(self, x):
        return self.head(self.encoder(x))
