# Idiom seen in: google-research/scenic scenic/model_lib/base_models/regression_model.py
# Idiom seen in: google-research/scenic scenic/train_lib/classification_trainer.py
# What it reproduces: Scenic's loss_function adds 0.5 * config.l2_decay_factor * l2_regularization(params) to the
#   loss, while this config also picks optimizer "adamw" with weight_decay=0.05 on the kernels (Scenic configs usually
#   set l2_decay_factor=None then): the kernels are decayed by the optimizer and again by the explicit penalty.
import functools

import jax
import jax.numpy as jnp
import optax
from flax.training import train_state as ts

from model_lib.regression_model import RegressionModel


def get_optimizer(config, learning_rate_fn, params):
  """Builds the optax transformation named by config.optimizer."""
  opt = config.optimizer_configs
  if config.optimizer == 'momentum':
    tx = optax.sgd(learning_rate_fn, momentum=opt.momentum)
  elif config.optimizer == 'adamw':
    decay_mask = jax.tree_util.tree_map(lambda p: p.ndim > 1, params)
    tx = optax.adamw(learning_rate_fn, b1=opt.beta1, b2=opt.beta2,
                     weight_decay=opt.weight_decay, mask=decay_mask)
  else:
    raise ValueError(f'Unknown optimizer {config.optimizer}')
  if config.get('max_grad_norm') is not None:
    tx = optax.chain(optax.clip_by_global_norm(config.max_grad_norm), tx)
  return tx


def train_step(train_state, batch, *, flax_model, loss_fn):
  """Runs a single step of training."""

  def training_loss_fn(params):
    predictions = flax_model.apply({'params': params}, batch['inputs'], train=True)
    loss = loss_fn(predictions, batch, params)
    return loss, predictions

  compute_gradient_fn = jax.value_and_grad(training_loss_fn, has_aux=True)
  (train_cost, predictions), grad = compute_gradient_fn(train_state.params)
  grad = jax.lax.pmean(grad, axis_name='batch')
  new_train_state = train_state.apply_gradients(grads=grad)
  ps = jax.tree_util.tree_leaves(new_train_state.params)
  training_logs = {
      'train_cost': train_cost,
      'l2_params': jnp.sqrt(sum([jnp.vdot(p, p) for p in ps])),
  }
  return new_train_state, training_logs


def train(*, rng, config, dataset, writer):
  model = RegressionModel(config, dataset.meta_data)
  rng, init_rng = jax.random.split(rng)
  dummy = jnp.zeros((1,) + tuple(dataset.meta_data['input_shape'][1:]), jnp.float32)
  params = model.flax_model.init(init_rng, dummy, train=False)['params']
  lr_fn = optax.cosine_decay_schedule(config.base_learning_rate, config.num_training_steps)
  tx = get_optimizer(config, lr_fn, params)
  state = ts.TrainState.create(apply_fn=model.flax_model.apply, params=params, tx=tx)
  state = jax.device_put_replicated(state, jax.local_devices())

  train_step_pmapped = jax.pmap(
      functools.partial(train_step, flax_model=model.flax_model, loss_fn=model.loss_function),
      axis_name='batch', donate_argnums=(0, 1))
  for step in range(1, config.num_training_steps + 1):
    state, t_logs = train_step_pmapped(state, next(dataset.train_iter))
    if step % config.log_summary_steps == 0:
      writer.write_scalars(step, jax.tree_util.tree_map(lambda x: float(x[0]), t_logs))
  return state
