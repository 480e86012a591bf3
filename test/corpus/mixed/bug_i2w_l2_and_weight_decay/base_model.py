# Idiom seen in: google/init2winit init2winit/model_lib/base_model.py
# Idiom seen in: google/init2winit init2winit/model_lib/model_utils.py
# What it reproduces: BaseModel.training_objective_fn: the cross entropy plus 0.5 * l2_decay_factor * (sum of squares
#   of every parameter of rank >= l2_decay_rank_threshold), differentiated by the trainer; together with the optimizer's
#   add_decayed_weights the kernels are decayed twice.
import jax
import jax.numpy as jnp
from flax import linen as nn


class FullyConnected(nn.Module):
  hid_sizes: tuple
  num_outputs: int

  @nn.compact
  def __call__(self, x, train=True):
    x = x.reshape((x.shape[0], -1))
    for num_hid in self.hid_sizes:
      x = nn.relu(nn.Dense(num_hid)(x))
    return nn.Dense(self.num_outputs)(x)


class BaseModel(object):

  def __init__(self, hps, dataset_meta_data):
    self.hps = hps
    self.dataset_meta_data = dataset_meta_data
    self.flax_module = FullyConnected(tuple(hps.hid_sizes), dataset_meta_data['num_classes'])

  def training_cost(self, params, batch):
    logits = self.flax_module.apply({'params': params}, batch['inputs'], train=True)
    return self.training_objective_fn(params, logits, batch['targets'])

  def training_objective_fn(self, params, logits, targets):
    targets = jax.nn.one_hot(targets, logits.shape[-1])
    objective_value = -jnp.mean(jnp.sum(targets * jax.nn.log_softmax(logits), axis=-1))
    if self.hps.get('l2_decay_factor'):
      l2_loss = sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(params)  # expect: WD201
                    if p.ndim >= self.hps.l2_decay_rank_threshold)
      objective_value += 0.5 * self.hps.l2_decay_factor * l2_loss
    return objective_value
