# Idiom seen in: DrJupiter/SDE-DATA-GENERATION optimizer/optimizers.py
# Idiom seen in: DrJupiter/SDE-DATA-GENERATION loss/dsm.py
# What it reproduces: the repo's get_optim builds optax.chain(clip, optax.adamw(lr)) with no mask (its default
#   1e-4 decay also hits biases and norm scales: WD203); a realistic user edit adds an explicit L2 term on all
#   parameters to the denoising score-matching loss, which adamw already decays: double decay (WD201).
from dataclasses import dataclass, field

import jax
import jax.numpy as jnp
import optax

from data.dataload import dataload
from models.ddpm.ddpm_unet import get_model


@dataclass
class OptimizerCfg:
    name: str = "adam"
    learning_rate: float = 2e-4


@dataclass
class LossCfg:
    l2_weight: float = 1e-6
    sigma_min: float = 0.01
    sigma_max: float = 50.0


@dataclass
class Cfg:
    optimizer: OptimizerCfg = field(default_factory=OptimizerCfg)
    loss: LossCfg = field(default_factory=LossCfg)
    batch_size: int = 64
    steps: int = 100_000


def get_optim(cfg, params=None):
    if cfg.optimizer.name == "adam":
        return adam(cfg, params)
    raise ValueError(f"Optimizer {cfg.optimizer.name} not found")


def adam(cfg, params):
    clip = optax.clip_by_global_norm(1.0)
    adamw = optax.adamw(learning_rate=cfg.optimizer.learning_rate)  # expect: WD203
    optimizer = optax.chain(clip, adamw)
    assert params is not None, "pls give func get_optim the model parameters"
    opt_state = optimizer.init(params)
    return optimizer, opt_state


def make_dsm_loss(cfg, model_call):
    def dsm_loss(params, x0, key):
        t_key, n_key = jax.random.split(key)
        t = jax.random.uniform(t_key, (x0.shape[0],), minval=1e-5, maxval=1.0)
        sigma = cfg.loss.sigma_min * (cfg.loss.sigma_max / cfg.loss.sigma_min) ** t
        noise = jax.random.normal(n_key, x0.shape)
        xt = x0 + sigma[:, None, None, None] * noise
        score = model_call(params, xt, t)
        target = -noise / sigma[:, None, None, None]
        dsm = jnp.mean(jnp.sum((sigma[:, None, None, None] * (score - target)) ** 2, axis=(1, 2, 3)))
        l2 = sum(jnp.sum(p ** 2) for p in jax.tree_util.tree_leaves(params))  # expect: WD201
        return dsm + cfg.loss.l2_weight * l2

    return dsm_loss


def main():
    cfg = Cfg()
    key = jax.random.PRNGKey(0)
    model_call, params = get_model(cfg, key)
    optimizer, opt_state = get_optim(cfg, params)
    loss_fn = make_dsm_loss(cfg, model_call)

    @jax.jit
    def update(params, opt_state, x0, key):
        loss, grads = jax.value_and_grad(loss_fn)(params, x0, key)
        updates, opt_state = optimizer.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss

    train_iter = dataload(cfg)
    for step in range(cfg.steps):
        key, sub = jax.random.split(key)
        params, opt_state, loss = update(params, opt_state, next(train_iter), sub)
        if step % 500 == 0:
            print(step, float(loss))


if __name__ == "__main__":
    main()
