# Idiom seen in: EricBoittier/JaxPycharmm src/trainstep.py
# What it reproduces: the jitted train_step that differentiates an energy + forces MSE with value_and_grad,
#   calls the optimizer's update passed in as a static argument, scales by the plateau transform and applies
#   the updates; the loss itself has no parameter penalty.
import functools

import jax
import jax.numpy as jnp
import optax
from optax import tree_utils as otu


def mean_squared_loss(energy_prediction, energy_target, forces_prediction, forces_target, forces_weight):
    energy_loss = jnp.mean(optax.l2_loss(energy_prediction, energy_target))
    forces_loss = jnp.mean(optax.l2_loss(forces_prediction, forces_target))
    return energy_loss + forces_weight * forces_loss


@functools.partial(jax.jit, static_argnames=("model_apply", "optimizer_update", "batch_size"))
def train_step(model_apply, optimizer_update, transform_state, batch, batch_size, forces_weight,
               opt_state, params, ema_params):
    def loss_fn(params):
        output = model_apply(params, atomic_numbers=batch["Z"], positions=batch["R"],
                             dst_idx=batch["dst_idx"], src_idx=batch["src_idx"],
                             batch_segments=batch["batch_segments"], batch_size=batch_size)
        loss = mean_squared_loss(output["energy"], batch["E"], output["forces"], batch["F"], forces_weight)
        return loss, (output["energy"], output["forces"])

    (loss, (energy, forces)), grad = jax.value_and_grad(loss_fn, has_aux=True)(params)
    updates, opt_state = optimizer_update(grad, opt_state, params)
    updates = otu.tree_scalar_mul(transform_state.scale, updates)
    params = optax.apply_updates(params, updates)
    ema_params = jax.tree_util.tree_map(lambda ema, new: 0.999 * ema + 0.001 * new, ema_params, params)
    return params, ema_params, opt_state, loss
