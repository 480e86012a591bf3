# Idiom seen in: rodSiry/continual-baselines training/base.py
# Idiom seen in: rodSiry/continual-baselines training/adam.py
# What it reproduces: haiku Trainer base class (hk.transform, jax.grad of the criterion) and an AdamTrainer subclass; the subclass
# uses optax.adamw masked by hk.data_structures.map to the "w" leaves only. Clean (the repo used plain optax.adam).
import haiku as hk
import jax


def convnet_forward(x):
    net = hk.Sequential([
        hk.Conv2D(32, kernel_shape=3), jax.nn.relu,
        hk.MaxPool(window_shape=2, strides=2, padding="VALID"),
        hk.Conv2D(64, kernel_shape=3), jax.nn.relu,
        hk.Flatten(),
        hk.Linear(128), jax.nn.relu,
        hk.Linear(10),
    ])
    return net(x)
