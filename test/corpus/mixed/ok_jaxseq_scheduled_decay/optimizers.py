# Idiom seen in: Sea-Snell/JAXSeq JaxSeq/optimizers.py
# What it reproduces: GPT3Optimizer (masked optax.adamw, or adafactor followed by a scheduled decay) and
# PALMOptimizer (adafactor followed by a scheduled decay). The custom transformation adds wd(step)*p AFTER the
# learning-rate step, so its schedule returns a NEGATIVE number (-lr*wd): that is a correct decoupled decay.
from dataclasses import dataclass
from typing import Any, Dict, NamedTuple, Tuple

import jax
import jax.numpy as jnp
import optax


@dataclass
class GPT3Optimizer:
    init_lr: float = 0.0
    end_lr: float = 3e-5
    lr: float = 3e-4
    lr_warmup_steps: int = 3000
    lr_decay_steps: int = 300000
    b1: float = 0.9
    b2: float = 0.95
    clip_gradient: float = 1.0
    weight_decay: float = 0.1
    multiply_by_parameter_scale: bool = False

    def get_optim(self, weight_decay_mask) -> Tuple[optax.GradientTransformation, Dict[str, Any]]:
        learning_rate_schedule = optax.warmup_cosine_decay_schedule(
            init_value=self.init_lr,
            peak_value=self.lr,
            warmup_steps=self.lr_warmup_steps,
            decay_steps=self.lr_decay_steps,
            end_value=self.end_lr,
        )
        optimizer_info = dict(learning_rate_schedule=learning_rate_schedule)

        if self.multiply_by_parameter_scale:
            optimizer = optax.chain(
                optax.clip_by_global_norm(self.clip_gradient),
                optax.adafactor(
                    learning_rate=learning_rate_schedule,
                    multiply_by_parameter_scale=True,
                    momentum=self.b1,
                    decay_rate=self.b2,
                    factored=False,
                    clipping_threshold=None,
                ),
                optax_add_scheduled_weight_decay(
                    lambda step: -learning_rate_schedule(step) * self.weight_decay,
                    weight_decay_mask,
                ),
            )
        else:
            optimizer = optax.chain(
                optax.clip_by_global_norm(self.clip_gradient),
                optax.adamw(
                    learning_rate=learning_rate_schedule,
                    weight_decay=self.weight_decay,
                    b1=self.b1,
                    b2=self.b2,
                    mask=weight_decay_mask,
                ),
            )
        return optimizer, optimizer_info


@dataclass
class PALMOptimizer:
    lr: float = 0.01
    lr_warmup_steps: int = 10000
    b1: float = 0.9
    b2: float = 0.99
    clip_gradient: float = 1.0
    weight_decay: float = 1e-4

    def get_optim(self, weight_decay_mask) -> Tuple[optax.GradientTransformation, Dict[str, Any]]:
        def learning_rate_schedule(step):
            multiplier = self.lr / 0.01
            return multiplier / jnp.sqrt(jnp.maximum(step, self.lr_warmup_steps))

        def weight_decay_schedule(step):
            multiplier = self.weight_decay / 1e-4
            return -multiplier * jnp.square(learning_rate_schedule(step))

        optimizer_info = dict(learning_rate_schedule=learning_rate_schedule,
                              weight_decay_schedule=weight_decay_schedule)
        optimizer = optax.chain(
            optax.clip_by_global_norm(self.clip_gradient),
            optax.adafactor(
                learning_rate=learning_rate_schedule,
                multiply_by_parameter_scale=True,
                momentum=self.b1,
                decay_rate=self.b2,
                factored=False,
                clipping_threshold=None,
            ),
            optax_add_scheduled_weight_decay(weight_decay_schedule, weight_decay_mask),
        )
        return optimizer, optimizer_info


class OptaxScheduledWeightDecayState(NamedTuple):
    count: jnp.ndarray


def optax_add_scheduled_weight_decay(schedule_fn, mask=None):
    """Apply weight decay with schedule (added to the final, already lr-scaled update)."""

    def init_fn(params):
        del params
        return OptaxScheduledWeightDecayState(count=jnp.zeros([], jnp.int32))

    def update_fn(updates, state, params):
        if params is None:
            raise ValueError('Params cannot be None for weight decay!')
        weight_decay = schedule_fn(state.count)
        updates = jax.tree_util.tree_map(lambda g, p: g + weight_decay * p, updates, params)
        return updates, OptaxScheduledWeightDecayState(count=optax.safe_int32_increment(state.count))

    if mask is not None:
        return optax.masked(optax.GradientTransformation(init_fn, update_fn), mask)
    return optax.GradientTransformation(init_fn, update_fn)
