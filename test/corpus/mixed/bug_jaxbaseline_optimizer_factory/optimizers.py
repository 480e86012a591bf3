# Idiom seen in: tinker495/jax-baseline experiments/optimizers.py
# What it reproduces: an optimizer factory with match/case; the adamw and lion branches decay every
# leaf of the Q-network's parameter tree (biases and LayerNorm scales too), no mask given.
from __future__ import annotations

import optax


def select_optimizer(optim_str, lr, eps=1e-2 / 256.0, weight_decay=1e-4, grad_max=None):
    """Build the optax transformation named by optim_str."""
    match optim_str:
        case "adam":
            optim = optax.adam(lr, b1=0.9, b2=0.999, eps=eps)
        case "nadam":
            optim = optax.adam(lr, b1=0.9, b2=0.999, eps=eps, nesterov=True)
        case "adamw":
            optim = optax.adamw(lr, b1=0.9, b2=0.999, eps=eps, weight_decay=weight_decay)  # expect: WD203
        case "rmsprop":
            optim = optax.rmsprop(lr, eps=eps)
        case "sgd":
            optim = optax.sgd(lr)
        case "lion":
            optim = optax.lion(lr, weight_decay=1e-5)  # expect: WD203
        case _:
            raise ValueError(f"Unknown optimizer: {optim_str}")

    if grad_max is not None:
        optim = optax.chain(optax.clip_by_global_norm(grad_max), optim)
    return optim


def make_optimizer_factory(optim_str: str, *, weight_decay: float = 1e-4, grad_max=None):
    def factory(lr):
        return select_optimizer(optim_str, lr, weight_decay=weight_decay, grad_max=grad_max)

    return factory
