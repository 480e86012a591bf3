# Idiom seen in: google/flax examples/cifar10/train.py; google/flax examples/imagenet/train.py
# What it reproduces: the Flax CIFAR-10 recipe ported to optax and TrainState: the L2 penalty on the
# weight matrices/kernels (`x.ndim > 1`) is added inside loss_fn, and the optimizer is plain
# Nesterov-momentum SGD with no decay of its own. Correctly wired, single decay: no finding.
import functools

from absl import app
from absl import flags
import jax
import jax.numpy as jnp
import optax
from flax.training import train_state

import input_pipeline
from models import wideresnet

FLAGS = flags.FLAGS
flags.DEFINE_float('learning_rate', 0.1, 'Learning rate for the momentum optimizer.')
flags.DEFINE_float('momentum', 0.9, 'Momentum.')
flags.DEFINE_float('l2_reg', 0.0005, 'The amount of L2-regularization to apply.')
flags.DEFINE_integer('batch_size', 256, 'Batch size for training.')
flags.DEFINE_integer('num_epochs', 200, 'Number of training epochs.')


class TrainState(train_state.TrainState):
  batch_stats: dict


def cross_entropy_loss(logits, labels):
  one_hot = jax.nn.one_hot(labels, logits.shape[-1])
  return optax.softmax_cross_entropy(logits, one_hot).mean()


def train_step(state, batch, l2_reg):
  def loss_fn(params):
    logits, new_model_state = state.apply_fn(
        {'params': params, 'batch_stats': state.batch_stats},
        batch['image'], train=True, mutable=['batch_stats'])
    loss = cross_entropy_loss(logits, batch['label'])
    weight_penalty_params = jax.tree_util.tree_leaves(params)
    weight_l2 = sum(jnp.sum(x ** 2) for x in weight_penalty_params if x.ndim > 1)
    weight_penalty = l2_reg * 0.5 * weight_l2
    return loss + weight_penalty, (new_model_state, logits)

  (loss, (new_model_state, logits)), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
  state = state.apply_gradients(grads=grads, batch_stats=new_model_state['batch_stats'])
  accuracy = jnp.mean(jnp.argmax(logits, -1) == batch['label'])
  return state, {'loss': loss, 'accuracy': accuracy}


def main(argv):
  del argv
  data_source = input_pipeline.CIFAR10DataSource(train_batch_size=FLAGS.batch_size)
  steps_per_epoch = data_source.TRAIN_IMAGES // FLAGS.batch_size
  model = wideresnet.WideResnet(blocks_per_group=4, channel_multiplier=2, num_outputs=10)
  variables = model.init(jax.random.PRNGKey(0), jnp.ones((1, 32, 32, 3)), train=False)

  schedule = optax.piecewise_constant_schedule(
      FLAGS.learning_rate,
      {60 * steps_per_epoch: 0.2, 120 * steps_per_epoch: 0.2, 160 * steps_per_epoch: 0.2})
  tx = optax.sgd(schedule, momentum=FLAGS.momentum, nesterov=True)
  state = TrainState.create(apply_fn=model.apply, params=variables['params'],
                            batch_stats=variables['batch_stats'], tx=tx)

  p_train_step = jax.jit(functools.partial(train_step, l2_reg=FLAGS.l2_reg))
  for step, batch in zip(range(steps_per_epoch * FLAGS.num_epochs), data_source.train_ds):
    state, metrics = p_train_step(state, batch)
    if step % steps_per_epoch == 0:
      print(step // steps_per_epoch, jax.device_get(metrics))


if __name__ == '__main__':
  app.run(main)
