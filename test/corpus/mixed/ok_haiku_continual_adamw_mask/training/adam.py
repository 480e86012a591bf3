# Idiom seen in: rodSiry/continual-baselines training/base.py
# Idiom seen in: rodSiry/continual-baselines training/adam.py
# What it reproduces: haiku Trainer base class (hk.transform, jax.grad of the criterion) and an AdamTrainer subclass; the subclass
# uses optax.adamw masked by hk.data_structures.map to the "w" leaves only. Clean (the repo used plain optax.adam).
from functools import partial

import haiku as hk
import jax.numpy as jnp
import jax.random as random
import optax

from buffers.buffers import get_batch, get_test
from training.base import Trainer

# decay the weight matrices and conv kernels ("w"), never the biases ("b")
decay_mask = partial(hk.data_structures.map, lambda module_name, name, value: name == "w")


class AdamTrainer(Trainer):
    def __init__(self, key, model, criterion, n_iters, bs, lr=1e-4, weight_decay=1e-2):
        super().__init__(key, model, criterion, n_iters, bs)
        self.lr = lr
        self.weight_decay = weight_decay

    def fit(self, key, x, y):
        self.theta = self.init_theta(key, x)
        accuracies = jnp.zeros(self.n_iters)
        optim = optax.adamw(self.lr, weight_decay=self.weight_decay, mask=decay_mask)
        opt_state = optim.init(self.theta)
        for iter_index in range(self.n_iters):
            key, subkey = random.split(key, 2)
            test_x, test_y = get_test(subkey, x, y, self.bs)
            batch_x, batch_y = get_batch(key, x, y, self.bs, iter_index)

            grad = self.grad_loss_function(key, self.theta, batch_x, batch_y)
            updates, opt_state = optim.update(grad, opt_state, self.theta)
            self.theta = optax.apply_updates(self.theta, updates)

            accuracies = accuracies.at[iter_index].set(self.acc_function(key, self.theta, test_x, test_y))
        return accuracies
