# Idiom seen in: mlcommons/algorithmic-efficiency reference_algorithms/target_setting_algorithms/jax_momentum.py
# What it reproduces: the submission's sgd(learning_rate, weight_decay, momentum, nesterov) optax chain, with
#   add_decayed_weights moved AFTER optax.sgd ("decay the update like AdamW does"). optax adds the final update
#   to the params, and sgd has already scaled by -lr, so +wd*w grows the weights: negative decay (WD302).
#   Realistic edit; the real helper puts the decay first.
from typing import Callable

from flax import jax_utils
import jax
import jax.numpy as jnp
import optax

from algorithmic_efficiency import spec
from reference_algorithms.target_setting_algorithms.data_selection import data_selection  # pylint: disable=unused-import
from reference_algorithms.target_setting_algorithms.get_batch_size import get_batch_size  # pylint: disable=unused-import
from reference_algorithms.target_setting_algorithms.jax_submission_base import update_params  # pylint: disable=unused-import


def _decay_mask(params):
  # Only kernels and embeddings are decayed; biases and norm scales are 1-D.
  return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def init_optimizer_state(workload: spec.Workload,
                         model_params: spec.ParameterContainer,
                         model_state: spec.ModelAuxiliaryState,
                         hyperparameters: spec.Hyperparameters,
                         rng: spec.RandomState) -> spec.OptimizerState:
  """Creates a heavy-ball momentum optimizer and a learning rate schedule."""
  del model_params
  del model_state
  del rng

  lr_schedule_fn = create_lr_schedule_fn(workload.step_hint, hyperparameters)

  params_zeros_like = jax.tree_map(lambda s: jnp.zeros(s.shape_tuple), workload.param_shapes)
  opt_init_fn, opt_update_fn = sgd(
      learning_rate=lr_schedule_fn,
      weight_decay=hyperparameters.weight_decay,
      momentum=hyperparameters.beta1,
      nesterov=False)
  optimizer_state = opt_init_fn(params_zeros_like)

  return jax_utils.replicate(optimizer_state), opt_update_fn


def create_lr_schedule_fn(step_hint: int, hyperparameters: spec.Hyperparameters) -> Callable[[int], float]:
  warmup_fn = optax.linear_schedule(
      init_value=0., end_value=hyperparameters.learning_rate, transition_steps=hyperparameters.warmup_steps)
  decay_steps = step_hint - hyperparameters.warmup_steps
  polynomial_schedule_fn = optax.polynomial_schedule(
      init_value=hyperparameters.learning_rate,
      end_value=hyperparameters.learning_rate * hyperparameters.end_factor,
      power=1,
      transition_steps=int(decay_steps * hyperparameters.decay_steps_factor))
  return optax.join_schedules(
      schedules=[warmup_fn, polynomial_schedule_fn], boundaries=[hyperparameters.warmup_steps])


def sgd(learning_rate, weight_decay, momentum=None, nesterov=False):
  r"""A customizable gradient descent optimizer with weight decay on the update."""
  return optax.chain(
      optax.sgd(learning_rate=learning_rate, momentum=momentum, nesterov=nesterov),
      optax.add_decayed_weights(weight_decay, mask=_decay_mask))  # expect: WD302
