# Idiom seen in: Hevagog/s2ac-jax src/agent/s2ac/optimizers/adamw.py
# What it reproduces: skrl-style JAX agent whose AdamW wrapper builds optax.adamw (or a manual
#   scale_by_adam -> add_decayed_weights chain, lr applied in the step) with NO mask, so every
#   leaf of the critic/policy trees (biases, LayerNorm scales) is decayed. The real repo does this.
from __future__ import annotations

import functools

import jax
import optax
from flax.struct import PyTreeNode, field
from optax import GradientTransformation, OptState


@functools.partial(jax.jit, static_argnames=("transformation",))
def _step(transformation, grad, state, params):
    updates, opt_state = transformation.update(grad, state, params)
    return opt_state, optax.apply_updates(params, updates)


@functools.partial(jax.jit, static_argnames=("transformation",))
def _step_with_scale(transformation, grad, state, params, scale):
    updates, opt_state = transformation.update(grad, state, params)
    updates = jax.tree_util.tree_map(lambda u: scale * u, updates)
    return opt_state, optax.apply_updates(params, updates)


class Optimizer(PyTreeNode):
    transformation: GradientTransformation = field(pytree_node=False)
    state: OptState = field(pytree_node=True)

    def step(self, grad, params, lr=None):
        if lr is None:
            opt_state, params = _step(self.transformation, grad, self.state, params)
        else:
            opt_state, params = _step_with_scale(self.transformation, grad, self.state, params, -lr)
        return self.replace(state=opt_state), params


def make_adamw(params, lr=1e-3, weight_decay=1e-4, grad_norm_clip=0.0, scale=True):
    if scale:
        transformation = optax.adamw(learning_rate=lr,
                                     weight_decay=weight_decay)  # expect: WD203
    else:
        # lr is applied later by Optimizer.step(..., lr=...)
        transformation = optax.chain(
            optax.scale_by_adam(),
            optax.add_decayed_weights(weight_decay),  # expect: WD203
        )
    if grad_norm_clip > 0:
        transformation = optax.chain(optax.clip_by_global_norm(grad_norm_clip), transformation)
    return Optimizer(transformation=transformation, state=transformation.init(params))
