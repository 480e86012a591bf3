# Idiom seen in: rodSiry/continual-baselines training/base.py
# Idiom seen in: rodSiry/continual-baselines training/adam.py
# What it reproduces: haiku Trainer base class (hk.transform, jax.grad of the criterion) and an AdamTrainer subclass; the subclass
# uses optax.adamw masked by hk.data_structures.map to the "w" leaves only. Clean (the repo used plain optax.adam).
import jax
import jax.numpy as jnp


def l2_one_hot(y_, y):
    return ((y_ - jax.nn.one_hot(y, 10)) ** 2).mean()


def acc_fn(y_, y):
    return (y == jnp.argmax(y_, -1)).astype(int).mean()
