# Idiom seen in: EthanSchmitt7/TurbaNet src/turbanet/loss.py
# Idiom seen in: EthanSchmitt7/TurbaNet src/turbanet/turba_train_state.py
# What it reproduces: swarm loss functions return (loss, aux) for jax.value_and_grad(has_aux=True); a user adds an L2 weight penalty
# but returns it inside the aux tuple "for logging", so only the MSE is differentiated and the decay is dropped (WD104, user mistake).
from __future__ import annotations

from typing import Callable

import jax
import jax.numpy as jnp
import optax

WEIGHT_DECAY = 1e-4

__all__ = ["l2_loss", "regularized_l2_loss", "softmax_cross_entropy"]


def l2_loss(params: dict, batch: dict, apply_fn: Callable):
    output = apply_fn({"params": params}, batch["input"])
    loss = optax.l2_loss(predictions=output, targets=batch["output"]).mean()
    return loss, output


def regularized_l2_loss(params: dict, batch: dict, apply_fn: Callable):
    output = apply_fn({"params": params}, batch["input"])
    loss = optax.l2_loss(predictions=output, targets=batch["output"]).mean()
    reg = WEIGHT_DECAY * sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(params))  # expect: WD104
    return loss, (output, reg)


def softmax_cross_entropy(params: dict, batch: dict, apply_fn: Callable):
    logits = apply_fn({"params": params}, batch["input"])
    loss = jnp.mean(optax.softmax_cross_entropy(logits, batch["output"]))
    return loss, logits
