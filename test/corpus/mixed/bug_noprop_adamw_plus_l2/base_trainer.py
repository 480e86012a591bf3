# Idiom seen in: bayesianempirimancer/jax-noprop src/configs/base_trainer.py
# What it reproduces: the ET trainer's _create_optimizer returns an unmasked optax.adamw, and its
# loss also adds an explicit L2 over tree_leaves(params): the same weights are decayed twice.
import pickle

import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from jax import random

from base_training_config import BaseTrainingConfig


class BaseETTrainer:
    def __init__(self, model, config: BaseTrainingConfig):
        self.model = model
        self.config = config
        self.rng = random.PRNGKey(42)

    def _create_optimizer(self, learning_rate: float):
        config = self.config
        if config.optimizer.lower() == "adamw":
            return optax.adamw(
                learning_rate=learning_rate,
                weight_decay=config.weight_decay,  # expect: WD203
                b1=config.beta1,
                b2=config.beta2,
                eps=config.eps,
            )
        return optax.adam(learning_rate=learning_rate, b1=config.beta1, b2=config.beta2)

    def loss_fn(self, params, x, y, rng):
        pred = self.model.apply(params, x, rngs={"dropout": rng}, training=True)
        mse = jnp.mean((pred - y) ** 2)
        l2 = sum(jnp.sum(p ** 2) for p in jax.tree_util.tree_leaves(params))  # expect: WD201
        return mse + self.config.l2_reg_weight * l2

    def train(self, data):
        x, y = data["train"]["x"], data["train"]["y"]
        self.rng, init_rng = random.split(self.rng)
        params = self.model.init(init_rng, x[:1], training=False)
        optimizer = self._create_optimizer(self.config.learning_rate)
        opt_state = optimizer.init(params)

        @jax.jit
        def train_step(params, opt_state, xb, yb, rng):
            loss, grads = jax.value_and_grad(self.loss_fn)(params, xb, yb, rng)
            updates, opt_state = optimizer.update(grads, opt_state, params)
            return optax.apply_updates(params, updates), opt_state, loss

        bs = self.config.batch_size
        for epoch in range(self.config.num_epochs):
            for i in range(0, x.shape[0], bs):
                self.rng, step_rng = random.split(self.rng)
                params, opt_state, loss = train_step(params, opt_state, x[i:i + bs], y[i:i + bs], step_rng)
            print(f"epoch {epoch}: loss {float(loss):.5f}")
        return params


class MLP(nn.Module):
    hidden: int = 128
    out_dim: int = 2

    @nn.compact
    def __call__(self, x, training=False):
        x = nn.swish(nn.Dense(self.hidden)(x))
        x = nn.Dropout(0.1, deterministic=not training)(x)
        x = nn.LayerNorm()(x)
        return nn.Dense(self.out_dim)(x)


if __name__ == "__main__":
    with open("data/two_moons.pkl", "rb") as f:
        data = pickle.load(f)
    trainer = BaseETTrainer(MLP(), BaseTrainingConfig())
    trainer.train(data)
