# Idiom seen in: google-research/sam sam_jax/training_utils/flax_training.py
# Idiom seen in: google-research/sam sam_jax/train.py
# What it reproduces: SAM's weight decay moved from the loss into an optax chain add_decayed_weights -> plain sgd, with
#   the hyper-parameters in a config module; weight_decay is typed 5.0 for 5e-4, so lr * wd = 0.2 * 5.0 = 1.0 and decay
#   alone multiplies the kernels by 1 - lr*wd = 0 each step.
from absl import app
import jax
import jax.numpy as jnp
import optax
from flax.training import common_utils, train_state

import config as config_lib
from sam_jax.datasets import dataset_source as dataset_source_lib
from sam_jax.models import load_model


def kernel_mask(params):
  return jax.tree_util.tree_map(lambda x: x.ndim > 1, params)


def cross_entropy_loss(logits, one_hot_labels):
  return -jnp.mean(jnp.sum(one_hot_labels * jax.nn.log_softmax(logits), axis=-1))


def make_train_step(apply_fn):
  def train_step(state, batch):
    def loss_fn(params):
      logits = apply_fn({'params': params}, batch['image'], train=True)
      return cross_entropy_loss(logits, batch['label'])
    loss, grads = jax.value_and_grad(loss_fn)(state.params)
    grads = jax.lax.pmean(grads, 'batch')
    return state.apply_gradients(grads=grads), loss
  return train_step


def main(_):
  config = config_lib.get_config()
  dataset_source = dataset_source_lib.Cifar10(config.batch_size, 'basic')
  model, variables = load_model.get_model(config.model_name, config.batch_size, 32, 10)
  tx = optax.chain(
      optax.clip_by_global_norm(config.gradient_clipping),
      optax.add_decayed_weights(config.weight_decay, mask=kernel_mask),
      optax.sgd(config.learning_rate))
  state = train_state.TrainState.create(apply_fn=model.apply, params=variables['params'], tx=tx)
  p_train_step = jax.pmap(make_train_step(model.apply), axis_name='batch')
  state = jax.device_put_replicated(state, jax.local_devices())
  for epoch in range(config.num_epochs):
    for batch in dataset_source.get_train(use_augmentations=True):
      batch = common_utils.shard(jax.tree_util.tree_map(lambda x: x._numpy(), batch))
      state, loss = p_train_step(state, batch)
    print('epoch', epoch, 'loss', float(loss[0]))


if __name__ == '__main__':
  app.run(main)
