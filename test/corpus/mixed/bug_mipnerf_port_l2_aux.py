# Idiom seen in: google/mipnerf train.py
# What it reproduces: a port of mip-NeRF's train_step to optax/TrainState where the author moved the loss sum and
# left weight_l2 only in the auxiliary stats: value_and_grad(has_aux=True) differentiates the photometric loss alone,
# so the weight decay term is computed, logged and never trained on (realistic mistake in the repo's idiom).

import functools

from absl import app
from absl import flags
from flax.training import train_state
import jax
from jax import random
import jax.numpy as jnp
import optax

from internal import datasets
from internal import models
from internal import utils

FLAGS = flags.FLAGS
flags.DEFINE_float('weight_decay_mult', 0.1, 'Multiplier on the L2 penalty of the MLP weights.')
flags.DEFINE_float('lr_init', 5e-4, 'Initial learning rate.')
flags.DEFINE_float('lr_final', 5e-6, 'Final learning rate.')
flags.DEFINE_integer('max_steps', 1_000_000, 'Number of optimization steps.')
flags.DEFINE_float('coarse_loss_mult', 0.1, 'Weight of the coarse-level loss.')
flags.DEFINE_string('data_dir', None, 'Input data directory.')


def train_step(model, rng, state, batch):
  rng, key = random.split(rng)

  def loss_fn(params):

    def tree_sum_fn(fn):
      return jax.tree_util.tree_reduce(lambda x, y: x + fn(y), params, initializer=0)

    weight_l2 = FLAGS.weight_decay_mult * (  # expect: WD104
        tree_sum_fn(lambda z: jnp.sum(z**2)) /
        tree_sum_fn(lambda z: jnp.prod(jnp.array(z.shape))))

    ret = model.apply({'params': params}, key, batch['rays'], randomized=True)
    mask = batch['rays'].lossmult
    losses = jnp.array([(mask * (rgb - batch['pixels'][..., :3])**2).sum() / mask.sum()
                        for (rgb, _, _) in ret])
    loss = FLAGS.coarse_loss_mult * jnp.sum(losses[:-1]) + losses[-1]
    return loss, {'losses': losses, 'weight_l2': weight_l2}

  (loss, stats), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
  grads = jax.lax.pmean(grads, axis_name='batch')
  state = state.apply_gradients(grads=grads)
  stats['loss'] = jax.lax.pmean(loss, axis_name='batch')
  return state, stats, rng


def main(unused_argv):
  rng = random.PRNGKey(20200823)
  dataset = datasets.get_dataset('train', FLAGS.data_dir)
  rng, key = random.split(rng)
  model, variables = models.construct_mipnerf(key, dataset.peek())

  schedule = optax.exponential_decay(FLAGS.lr_init, FLAGS.max_steps, FLAGS.lr_final / FLAGS.lr_init)
  state = train_state.TrainState.create(apply_fn=model.apply, params=variables['params'],
                                        tx=optax.adam(schedule))
  state = jax.device_put_replicated(state, jax.local_devices())

  train_pstep = jax.pmap(functools.partial(train_step, model), axis_name='batch', donate_argnums=(2,))
  keys = random.split(rng, jax.local_device_count())
  for step, batch in zip(range(1, FLAGS.max_steps + 1), dataset):
    state, stats, keys = train_pstep(keys, state, batch)
    if step % 100 == 0:
      print(f"{step}: loss={stats['loss'][0]:0.4f} weight_l2={stats['weight_l2'][0]:0.2e}")


if __name__ == '__main__':
  app.run(main)
