# Idiom seen in: google-research/scenic scenic/model_lib/base_models/regression_model.py
# Idiom seen in: google-research/scenic scenic/train_lib/classification_trainer.py
# What it reproduces: Scenic's loss_function adds 0.5 * config.l2_decay_factor * l2_regularization(params) to the
#   loss, while this config also picks optimizer "adamw" with weight_decay=0.05 on the kernels (Scenic configs usually
#   set l2_decay_factor=None then): the kernels are decayed by the optimizer and again by the explicit penalty.
import jax
import jax.numpy as jnp


def weighted_squared_error(predictions, targets, weights=None):
  error = jnp.sum(jnp.square(predictions - targets), axis=-1)
  if weights is not None:
    error = error * weights
  return error


def weighted_mean_squared_error(predictions, targets, weights=None):
  error = weighted_squared_error(predictions, targets, weights)
  normalizer = jnp.sum(weights) if weights is not None else error.shape[0]
  return jnp.sum(error) / (normalizer + 1e-8)


def l2_regularization(params):
  """Calculate the L2 loss (square L2 norm), given parameters of the model."""
  weight_penalty_params = jax.tree_util.tree_leaves(params)
  return sum([jnp.sum(x ** 2) for x in weight_penalty_params])  # expect: WD201
