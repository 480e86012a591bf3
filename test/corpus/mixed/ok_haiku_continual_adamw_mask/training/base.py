# Idiom seen in: rodSiry/continual-baselines training/base.py
# Idiom seen in: rodSiry/continual-baselines training/adam.py
# What it reproduces: haiku Trainer base class (hk.transform, jax.grad of the criterion) and an AdamTrainer subclass; the subclass
# uses optax.adamw masked by hk.data_structures.map to the "w" leaves only. Clean (the repo used plain optax.adam).
import functools

import haiku as hk
import jax

from models.losses import acc_fn


class Trainer:
    def __init__(self, key, model, criterion, n_iters, bs):
        self.key = key
        self.model = hk.transform(model)
        self.criterion = criterion
        self.n_iters = n_iters
        self.bs = bs

    @functools.partial(jax.jit, static_argnums=(0,))
    def init_theta(self, key, x):
        return self.model.init(key, x)

    @functools.partial(jax.jit, static_argnums=(0,))
    def loss_function(self, key, theta, x, y):
        y_ = self.model.apply(theta, key, x)
        return self.criterion(y_, y)

    @functools.partial(jax.jit, static_argnums=(0,))
    def grad_loss_function(self, key, theta, x, y):
        return jax.grad(self.loss_function, argnums=1)(key, theta, x, y)

    @functools.partial(jax.jit, static_argnums=(0,))
    def acc_function(self, key, theta, x, y):
        return acc_fn(self.model.apply(theta, key, x), y)
