# Idiom seen in: Physical-Intelligence/openpi scripts/train.py (init_train_state calls _optimizer.create_optimizer(config.optimizer, config.lr_schedule, weight_decay_mask=...), jitted train_step with value_and_grad, tx.update(grads, opt_state, params))
# What it reproduces: the training script builds a mask that keeps only 'kernel' leaves (openpi itself passes weight_decay_mask=None) and hands it to the factory, so AdamW's decoupled decay skips biases and norm scales. Clean.
import dataclasses
import functools

import flax.traverse_util as traverse_util
import jax
import jax.numpy as jnp
import optax

import optimizer as _optimizer
from policy_model import ActionMLP  # not in this folder
from robot_data import create_data_loader  # not in this folder


@dataclasses.dataclass(frozen=True)
class TrainConfig:
    seed: int = 42
    batch_size: int = 64
    num_train_steps: int = 30_000
    log_interval: int = 100
    optimizer: _optimizer.AdamW = dataclasses.field(default_factory=_optimizer.AdamW)
    lr_schedule: _optimizer.CosineDecaySchedule = dataclasses.field(
        default_factory=_optimizer.CosineDecaySchedule)


def kernel_only_mask(params):
    flat = traverse_util.flatten_dict(params)
    return traverse_util.unflatten_dict({path: path[-1] == "kernel" for path in flat})


def init_train_state(config: TrainConfig, rng, sample_obs):
    model = ActionMLP(hidden_dims=(512, 512), action_dim=7)
    params = model.init(rng, sample_obs)["params"]
    tx = _optimizer.create_optimizer(config.optimizer, config.lr_schedule,
                                     weight_decay_mask=kernel_only_mask)
    return model, params, tx, tx.init(params)


def train_step(model, tx, params, opt_state, batch):
    obs, actions = batch

    def loss_fn(p):
        pred = model.apply({"params": p}, obs)
        return jnp.mean(jnp.square(pred - actions))

    loss, grads = jax.value_and_grad(loss_fn)(params)
    updates, opt_state = tx.update(grads, opt_state, params)
    params = optax.apply_updates(params, updates)
    return params, opt_state, {"loss": loss, "grad_norm": optax.global_norm(grads)}


def main(config: TrainConfig):
    rng = jax.random.key(config.seed)
    loader = create_data_loader(batch_size=config.batch_size, shuffle=True)
    data_iter = iter(loader)
    batch = next(data_iter)
    model, params, tx, opt_state = init_train_state(config, rng, batch[0])
    step_fn = jax.jit(functools.partial(train_step, model, tx))
    for step in range(config.num_train_steps):
        params, opt_state, info = step_fn(params, opt_state, batch)
        if step % config.log_interval == 0:
            print(f"Step {step}: loss={float(info['loss']):.4f}")
        batch = next(data_iter)


if __name__ == "__main__":
    main(TrainConfig())
