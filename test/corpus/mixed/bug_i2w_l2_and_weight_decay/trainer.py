# Idiom seen in: google/init2winit init2winit/trainer_lib/trainer.py
# What it reproduces: the update step: jax.value_and_grad of model.training_cost, then the optax optimizer from
#   get_optimizer(hps) applied to the same params; run under absl.app.
import jax
import jax.numpy as jnp
import optax
from absl import app, flags

from base_model import BaseModel
from hparams import DEFAULT_HPARAMS
from optimizers import get_optimizer
from datasets import get_dataset

FLAGS = flags.FLAGS
flags.DEFINE_string('dataset', 'mnist', 'Which dataset to train on.')


def update(model, optimizer, opt_state, params, batch):
  cost, grad = jax.value_and_grad(model.training_cost)(params, batch)
  updates, opt_state = optimizer.update(grad, opt_state, params)
  params = optax.apply_updates(params, updates)
  return params, opt_state, cost


def main(argv):
  del argv
  hps = DEFAULT_HPARAMS
  train_iter, meta_data = get_dataset(FLAGS.dataset, hps.batch_size)
  model = BaseModel(hps, meta_data)
  params = model.flax_module.init(jax.random.PRNGKey(0), jnp.zeros((2, 28, 28, 1)))['params']
  optimizer = get_optimizer(hps)
  opt_state = optimizer.init(params)
  update_fn = jax.jit(lambda o, p, b: update(model, optimizer, o, p, b))
  for step in range(hps.num_train_steps):
    batch = next(train_iter)
    params, opt_state, cost = update_fn(opt_state, params, batch)
    if step % 100 == 0:
      print(step, cost)


if __name__ == '__main__':
  app.run(main)
