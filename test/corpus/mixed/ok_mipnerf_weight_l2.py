# Idiom seen in: google/mipnerf train.py
# What it reproduces: mip-NeRF's train_step: weight_l2 = weight_decay_mult * (sum of squares / number of weights)
# over the model variables, added to the coarse+fine photometric loss that jax.value_and_grad differentiates
# (stats are the has_aux output); the flax Adam optimizer applies that gradient: the penalty acts, clean.

import functools

from absl import app
from absl import flags
import flax
from flax.training import checkpoints
import jax
from jax import random
import jax.numpy as jnp

from internal import datasets
from internal import models
from internal import utils

FLAGS = flags.FLAGS
utils.define_common_flags()
jax.config.parse_flags_with_absl()


def train_step(model, config, rng, state, batch, lr):
  rng, key = random.split(rng)

  def loss_fn(variables):

    def tree_sum_fn(fn):
      return jax.tree_util.tree_reduce(lambda x, y: x + fn(y), variables, initializer=0)

    weight_l2 = config.weight_decay_mult * (
        tree_sum_fn(lambda z: jnp.sum(z**2)) /
        tree_sum_fn(lambda z: jnp.prod(jnp.array(z.shape))))

    ret = model.apply(variables, key, batch['rays'], randomized=config.randomized,
                      white_bkgd=config.white_bkgd)

    mask = batch['rays'].lossmult
    if config.disable_multiscale_loss:
      mask = jnp.ones_like(mask)

    losses = []
    for (rgb, _, _) in ret:
      losses.append((mask * (rgb - batch['pixels'][..., :3])**2).sum() / mask.sum())
    losses = jnp.array(losses)

    loss = config.coarse_loss_mult * jnp.sum(losses[:-1]) + losses[-1] + weight_l2

    stats = utils.Stats(loss=loss, losses=losses, weight_l2=weight_l2)
    return loss, stats

  (_, stats), grad = jax.value_and_grad(loss_fn, has_aux=True)(state.optimizer.target)
  grad = jax.lax.pmean(grad, axis_name='batch')
  stats = jax.lax.pmean(stats, axis_name='batch')

  if config.grad_max_norm > 0:
    grad_norm = jnp.sqrt(jax.tree_util.tree_reduce(lambda x, y: x + jnp.sum(y**2), grad, initializer=0))
    mult = jnp.minimum(1, config.grad_max_norm / (1e-7 + grad_norm))
    grad = jax.tree_util.tree_map(lambda z: mult * z, grad)

  new_optimizer = state.optimizer.apply_gradient(grad, learning_rate=lr)
  new_state = state.replace(optimizer=new_optimizer)
  return new_state, stats, rng


def main(unused_argv):
  rng = random.PRNGKey(20200823)
  config = utils.load_config()

  dataset = datasets.get_dataset('train', FLAGS.data_dir, config)
  rng, key = random.split(rng)
  model, variables = models.construct_mipnerf(key, dataset.peek())
  optimizer = flax.optim.Adam(config.lr_init).create(variables)
  state = utils.TrainState(optimizer=optimizer)
  del optimizer, variables

  learning_rate_fn = functools.partial(
      utils.learning_rate_decay,
      lr_init=config.lr_init,
      lr_final=config.lr_final,
      max_steps=config.max_steps,
      lr_delay_steps=config.lr_delay_steps,
      lr_delay_mult=config.lr_delay_mult)

  train_pstep = jax.pmap(
      functools.partial(train_step, model, config),
      axis_name='batch', in_axes=(0, 0, 0, None), donate_argnums=(2,))

  state = checkpoints.restore_checkpoint(FLAGS.train_dir, state)
  init_step = state.optimizer.state.step + 1
  state = flax.jax_utils.replicate(state)
  pdataset = flax.jax_utils.prefetch_to_device(dataset, 3)
  keys = random.split(rng, jax.local_device_count())
  for step, batch in zip(range(init_step, config.max_steps + 1), pdataset):
    lr = learning_rate_fn(step)
    state, stats, keys = train_pstep(keys, state, batch, lr)
    if jax.host_id() == 0 and step % config.print_every == 0:
      print(f'{step}: loss={stats.loss[0]:0.4f} weight_l2={stats.weight_l2[0]:0.2e} lr={lr:0.2e}')
    if step % config.save_every == 0:
      state_to_save = jax.device_get(jax.tree_util.tree_map(lambda x: x[0], state))
      checkpoints.save_checkpoint(FLAGS.train_dir, state_to_save, int(step), keep=100)


if __name__ == '__main__':
  app.run(main)
