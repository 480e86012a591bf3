# Idiom seen in: google/init2winit init2winit/optimizer_lib/optimizers.py
# Idiom seen in: google/init2winit init2winit/trainer_lib/trainer.py
# What it reproduces: init2winit's sgd(learning_rate, weight_decay, momentum) helper rewritten with the transforms in
#   the wrong order (user mistake; the repo puts add_decayed_weights first): after optax.sgd has scaled the update by
#   -lr, adding +wd*w gives w := w*(1+wd) - lr*g, i.e. weight growth (negative decay) with no learning rate in it.
import functools

import jax
import jax.numpy as jnp
import optax
from flax import linen as nn
from flax.training import train_state

from input_pipeline import get_cifar10

HPARAMS = {
    'base_lr': 0.1,
    'momentum': 0.9,
    'weight_decay': 5e-4,
    'batch_size': 128,
    'num_train_steps': 20000,
}


def _kernel_mask(params):
  return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def sgd(learning_rate, weight_decay, momentum=None, nesterov=False):
  """A customizable gradient descent optimizer with weight decay."""
  return optax.chain(
      optax.sgd(learning_rate=learning_rate, momentum=momentum, nesterov=nesterov),
      optax.add_decayed_weights(weight_decay, mask=_kernel_mask))  # expect: WD302


class SimpleCNN(nn.Module):
  num_outputs: int = 10

  @nn.compact
  def __call__(self, x, train=True):
    for features in (32, 64, 128):
      x = nn.relu(nn.Conv(features, (3, 3))(x))
      x = nn.max_pool(x, (2, 2), strides=(2, 2))
    x = x.reshape((x.shape[0], -1))
    return nn.Dense(self.num_outputs)(x)


def cross_entropy(logits, labels):
  one_hot = jax.nn.one_hot(labels, logits.shape[-1])
  return -jnp.mean(jnp.sum(one_hot * jax.nn.log_softmax(logits), axis=-1))


@functools.partial(jax.jit, donate_argnums=(0,))
def train_step(state, batch):
  def loss_fn(params):
    logits = state.apply_fn({'params': params}, batch['inputs'])
    return cross_entropy(logits, batch['targets'])
  loss, grads = jax.value_and_grad(loss_fn)(state.params)
  return state.apply_gradients(grads=grads), loss


def main():
  model = SimpleCNN()
  params = model.init(jax.random.PRNGKey(0), jnp.zeros((1, 32, 32, 3)))['params']
  tx = sgd(HPARAMS['base_lr'], HPARAMS['weight_decay'], momentum=HPARAMS['momentum'])
  state = train_state.TrainState.create(apply_fn=model.apply, params=params, tx=tx)
  train_iter = get_cifar10('train', HPARAMS['batch_size'])
  for step in range(HPARAMS['num_train_steps']):
    state, loss = train_step(state, next(train_iter))
    if step % 500 == 0:
      print(step, float(loss))


if __name__ == '__main__':
  main()
