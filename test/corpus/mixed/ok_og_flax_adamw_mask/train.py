# Idiom seen in: oswinso/og src/og/train_state.py
# Idiom seen in: oswinso/og src/og/networks/optim.py
# What it reproduces: a Flax MLP value network trained with TrainState.create(tx=get_default_tx(...)) under
#   absl.app.run; the loss is a plain regression loss and the decay is adamw's, masked off biases and norms: clean.
from typing import Sequence

import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from absl import app, flags
from flax.training import train_state
from ml_collections import config_flags

from dataset import make_rollout_iterator
from optim import get_default_tx, lr_schedule

_CONFIG = config_flags.DEFINE_config_file("config", "config.py")
FLAGS = flags.FLAGS


class ValueMLP(nn.Module):
    hidden_sizes: Sequence[int]

    @nn.compact
    def __call__(self, x):
        for size in self.hidden_sizes:
            x = nn.Dense(size)(x)
            x = nn.LayerNorm()(x)
            x = nn.tanh(x)
        return nn.Dense(1)(x).squeeze(-1)


@jax.jit
def train_step(state, batch):
    def loss_fn(params):
        pred = state.apply_fn({"params": params}, batch["obs"])
        loss = optax.huber_loss(pred, batch["target"]).mean()
        return loss, pred

    (loss, pred), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    state = state.apply_gradients(grads=grads)
    return state, {"loss": loss, "pred_mean": pred.mean()}


def main(argv):
    del argv
    cfg = _CONFIG.value
    key = jax.random.PRNGKey(cfg.seed)
    model = ValueMLP(hidden_sizes=cfg.hidden_sizes)
    params = model.init(key, jnp.zeros((1, 6)))["params"]

    schedule = lr_schedule(cfg.optim.lr, cfg.optim.warmup_steps, cfg.num_steps)
    tx = get_default_tx(schedule, wd=cfg.optim.wd, eps=cfg.optim.eps)
    state = train_state.TrainState.create(apply_fn=model.apply, params=params, tx=tx)

    data_iter = make_rollout_iterator(cfg.batch_size, seed=cfg.seed)
    for step in range(cfg.num_steps):
        state, info = train_step(state, next(data_iter))
        if step % 1000 == 0:
            print(step, {k: float(v) for k, v in info.items()})


if __name__ == "__main__":
    app.run(main)
