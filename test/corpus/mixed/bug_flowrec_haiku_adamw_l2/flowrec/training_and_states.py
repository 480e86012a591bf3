# Idiom seen in: MagriLab/FlowReconstructionFromExperiment train_config/train_options/optimizer.py
# Idiom seen in: MagriLab/FlowReconstructionFromExperiment flowrec/training_and_states.py
# Idiom seen in: MagriLab/FlowReconstructionFromExperiment train_config/train_options/loss_fn.py
# What it reproduces: haiku + optax training where get_optimizer(traincfg) builds optax.adamw with
# weight_decay=traincfg.regularisation_strength and no mask (real repo: biases decayed too), and the user
# also adds regularisation_strength * sum of squared params to the loss_fn given to jax.value_and_grad:
# the same tree is decayed twice.
from typing import Callable, NamedTuple

import haiku as hk
import jax
import optax
from jax.tree_util import Partial


class TrainingState(NamedTuple):
    params: hk.Params
    opt_state: optax.OptState


def generate_update_fn(apply_fn: Callable, optax_optimiser, loss_fn: Callable, kwargs_loss: dict = {}):
    loss_fn_partial = Partial(loss_fn, apply_fn, **kwargs_loss)

    def step(state: TrainingState, rng, x, y):
        (loss, aux), grads = jax.value_and_grad(loss_fn_partial, has_aux=True)(state.params, rng, x, y)
        updates, opt_state = optax_optimiser.update(grads, state.opt_state, state.params)
        params = optax.apply_updates(state.params, updates)
        return loss, aux, TrainingState(params, opt_state)

    return jax.jit(step)
