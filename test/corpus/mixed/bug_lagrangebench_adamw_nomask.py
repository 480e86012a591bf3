# Idiom seen in: tumaer/lagrangebench lagrangebench/train/trainer.py
# What it reproduces: the particle-simulation GNS trainer unpacks `opt_init, opt_update = optax.adamw(...,
# weight_decay=1e-8)` without a mask (as the real trainer does), so every haiku parameter, the
# LayerNorm scales/offsets and Linear biases included, is decayed.
from functools import partial
from typing import Callable, Dict, Tuple

import haiku as hk
import jax
import jax.numpy as jnp
import optax
from jax import vmap

from lagrangebench.data import H5Dataset  # not part of this workspace
from lagrangebench.case_setup import case_builder  # not part of this workspace


def mlp(hidden, out, layer_norm=True):
    def fn(x):
        for _ in range(2):
            x = jax.nn.relu(hk.Linear(hidden)(x))
        x = hk.Linear(out)(x)
        if layer_norm:
            x = hk.LayerNorm(axis=-1, create_scale=True, create_offset=True)(x)
        return x
    return fn


def gns_fn(sample):
    features, particle_type = sample
    nodes = hk.Embed(9, 16)(particle_type)
    h = mlp(128, 128)(jnp.concatenate([features["vel_hist"], nodes], axis=-1))
    for _ in range(10):
        h = h + mlp(128, 128)(h)
    acc = mlp(128, 2, layer_norm=False)(h)
    return {"acc": acc}


model = hk.transform_with_state(gns_fn)


@partial(jax.jit, static_argnames=["model_fn"])
def _mse(params, state, features, particle_type, target, model_fn):
    pred, state = model_fn(params, state, None, (features, particle_type))
    total_loss = ((pred["acc"] - target["acc"]) ** 2).sum(axis=-1)
    mask = particle_type != 0
    total_loss = jnp.where(mask, total_loss, 0).sum() / mask.sum()
    return total_loss, state


@partial(jax.jit, static_argnames=["loss_fn", "opt_update"])
def _update(params, state, features_batch, target_batch, particle_type_batch, opt_state, loss_fn, opt_update):
    value_and_grad_vmap = vmap(jax.value_and_grad(loss_fn, has_aux=True), in_axes=(None, None, 0, 0, 0))
    (loss, state), grads = value_and_grad_vmap(params, state, features_batch, particle_type_batch, target_batch)
    grads = jax.tree_util.tree_map(lambda x: x.sum(axis=0), grads)
    state = jax.tree_util.tree_map(lambda x: x.sum(axis=0), state)
    loss = jax.tree_util.tree_map(lambda x: x.mean(axis=0), loss)
    updates, opt_state = opt_update(grads, opt_state, params)
    new_params = optax.apply_updates(params, updates)
    return loss, new_params, state, opt_state


def Trainer(model, case, dataset_train, lr_start=5e-4, lr_final=1e-6, lr_decay_rate=0.1, lr_decay_steps=1e5,
            batch_size=2, seed=0) -> Callable:
    lr_scheduler = optax.exponential_decay(
        init_value=lr_start,
        transition_steps=int(lr_decay_steps),
        decay_rate=lr_decay_rate,
        end_value=lr_final,
    )
    opt_init, opt_update = optax.adamw(learning_rate=lr_scheduler, weight_decay=1e-8)  # expect: WD203

    def _train(step_max: int = 500000):
        model_apply = jax.jit(model.apply)
        loss_fn = partial(_mse, model_fn=model_apply)
        update_fn = partial(_update, loss_fn=loss_fn, opt_update=opt_update)
        key = jax.random.PRNGKey(seed)
        features, particle_type, target = case.sample_batch(dataset_train, batch_size)
        params, state = model.init(key, (features[0], particle_type[0]))
        opt_state = opt_init(params)
        for step in range(step_max):
            features, particle_type, target = case.sample_batch(dataset_train, batch_size)
            loss, params, state, opt_state = update_fn(
                params=params, state=state, features_batch=features, target_batch=target,
                particle_type_batch=particle_type, opt_state=opt_state)
            if step % 1000 == 0:
                print(f"{step}, train/loss: {loss.item():.5f}.")
        return params, state, opt_state

    return _train


if __name__ == "__main__":
    data_train = H5Dataset("train", dataset_path="datasets/2D_TGV_2500_10kevery100")
    case = case_builder(box=data_train.metadata["bounds"], metadata=data_train.metadata)
    train = Trainer(model, case, data_train)
    train(step_max=200000)
