# Idiom seen in: google-research/scenic scenic/model_lib/base_models/regression_model.py
# Idiom seen in: google-research/scenic scenic/train_lib/classification_trainer.py
# What it reproduces: Scenic's loss_function adds 0.5 * config.l2_decay_factor * l2_regularization(params) to the
#   loss, while this config also picks optimizer "adamw" with weight_decay=0.05 on the kernels (Scenic configs usually
#   set l2_decay_factor=None then): the kernels are decayed by the optimizer and again by the explicit penalty.
from typing import Optional, Sequence

import flax.linen as nn
import jax.numpy as jnp

from model_lib import model_utils


class MLP(nn.Module):
  hidden_sizes: Sequence[int]
  output_dim: int

  @nn.compact
  def __call__(self, x, train: bool = False):
    for size in self.hidden_sizes:
      x = nn.Dense(size)(x)
      x = nn.LayerNorm()(x)
      x = nn.gelu(x)
    return nn.Dense(self.output_dim)(x)


class RegressionModel:
  """Holds the flax model, the loss function and the metrics."""

  def __init__(self, config, dataset_meta_data):
    self.config = config
    self.dataset_meta_data = dataset_meta_data
    self.flax_model = MLP(hidden_sizes=config.hidden_sizes, output_dim=dataset_meta_data['target_dim'])

  def loss_function(self, predictions, batch, model_params: Optional[jnp.ndarray] = None) -> float:
    weights = batch.get('batch_mask')
    total_loss = model_utils.weighted_mean_squared_error(predictions, batch['targets'], weights)
    if self.config.get('l2_decay_factor'):
      l2_loss = model_utils.l2_regularization(model_params)
      total_loss += 0.5 * self.config.l2_decay_factor * l2_loss
    return total_loss
