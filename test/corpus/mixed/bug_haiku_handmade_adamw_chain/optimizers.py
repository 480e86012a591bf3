# Idiom seen in: google-deepmind/deepmind-research byol/utils/optimizers.py
# What it reproduces: BYOL-style hand-built optax chains; LARS puts the decay first (correct), but the
# added hand-written "AdamW" puts optax.add_decayed_weights AFTER optax.scale(-learning_rate), so the
# update is -lr*adam + wd*w and weights grow by (1 + wd) per step (realistic mistake in this idiom).
from typing import Any, Callable, NamedTuple, Optional, Tuple

import haiku as hk
import jax
import jax.numpy as jnp
import optax

FilterFn = Callable[[str, str, jnp.ndarray], bool]


def exclude_bias_and_norm(module_name: str, name: str, value: jnp.ndarray) -> bool:
    """Filter to exclude biases and normalization weights."""
    del value
    if name == "b" or "norm" in module_name:
        return False
    return True


def _mask(filter_fn: Optional[FilterFn]):
    if filter_fn is None:
        return None
    return lambda params: hk.data_structures.map(filter_fn, params)


class AddWeightDecayState(NamedTuple):
    """Stateless transformation."""


def add_weight_decay(weight_decay: float, filter_fn: Optional[FilterFn] = None) -> optax.GradientTransformation:
    def init_fn(_):
        return AddWeightDecayState()

    def update_fn(updates, state, params):
        decayed = jax.tree_util.tree_map(lambda g, p: g + weight_decay * p, updates, params)
        if filter_fn is None:
            return decayed, state
        keep = hk.data_structures.map(filter_fn, params)
        return jax.tree_util.tree_map(lambda d, u, m: jnp.where(m, d, u), decayed, updates, keep), state

    return optax.GradientTransformation(init_fn, update_fn)


def lars(learning_rate: float, weight_decay: float = 0., momentum: float = 0.9,
         eta: float = 0.001, weight_decay_filter: Optional[FilterFn] = None) -> optax.GradientTransformation:
    """LARS as in BYOL: weight decay, then trust ratio + momentum, then the lr step."""
    return optax.chain(
        add_weight_decay(weight_decay=weight_decay, filter_fn=weight_decay_filter),
        optax.scale_by_trust_ratio(trust_coefficient=eta),
        optax.trace(decay=momentum),
        optax.scale(-learning_rate),
    )


def adamw(learning_rate: float, weight_decay: float, b1: float = 0.9, b2: float = 0.999,
          weight_decay_filter: Optional[FilterFn] = None) -> optax.GradientTransformation:
    """AdamW written in the same style: decay applied last, "decoupled" from Adam."""
    return optax.chain(
        optax.scale_by_adam(b1=b1, b2=b2),
        optax.scale(-learning_rate),
        optax.add_decayed_weights(weight_decay, mask=_mask(weight_decay_filter)),  # expect: WD302
    )
