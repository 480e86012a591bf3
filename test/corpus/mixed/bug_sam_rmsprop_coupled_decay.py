# Idiom seen in: google-research/sam sam_jax/training_utils/flax_training.py
# What it reproduces: SAM's create_optimizer (Nesterov momentum, or RMSprop with --use_rmsprop) ported to optax, with the
#   repo's "0.5 * l2_reg * ||w||^2 in the loss" moved into the chain as add_decayed_weights before the optimizer: fine
#   for SGD, but in the RMSprop branch the decay is divided by sqrt(v) (coupled L2; the repo keeps it in the loss).
import functools

from absl import app
from absl import flags
import jax
import jax.numpy as jnp
import optax
from flax.training import common_utils, train_state

from sam_jax.datasets import dataset_source as dataset_source_lib
from sam_jax.models import load_model

FLAGS = flags.FLAGS
flags.DEFINE_float('learning_rate', 0.1, 'Initial learning rate.')
flags.DEFINE_float('weight_decay', 0.001, 'Weight decay coefficient.')
flags.DEFINE_float('gradient_clipping', 5.0, 'Gradient clipping.')
flags.DEFINE_bool('use_rmsprop', False, 'If True, uses RMSprop instead of SGD')
flags.DEFINE_integer('num_epochs', 200, 'Epochs.')
flags.DEFINE_string('model_name', 'WideResnet28x10', 'Model.')


def kernel_mask(params):
  return jax.tree_util.tree_map(lambda x: x.ndim > 1, params)


def create_optimizer(learning_rate_fn):
  if FLAGS.use_rmsprop:
    return optax.chain(
        optax.clip_by_global_norm(FLAGS.gradient_clipping),
        optax.add_decayed_weights(FLAGS.weight_decay, mask=kernel_mask),  # expect: WD202
        optax.rmsprop(learning_rate_fn, decay=0.9, eps=0.001, momentum=0.9))
  return optax.chain(
      optax.clip_by_global_norm(FLAGS.gradient_clipping),
      optax.add_decayed_weights(FLAGS.weight_decay, mask=kernel_mask),
      optax.sgd(learning_rate_fn, momentum=0.9, nesterov=True))


def cross_entropy_loss(logits, one_hot_labels):
  return -jnp.mean(jnp.sum(one_hot_labels * jax.nn.log_softmax(logits), axis=-1))


def train_step(state, batch):
  def forward_and_loss(params):
    logits = state.apply_fn({'params': params}, batch['image'], train=True)
    return cross_entropy_loss(logits, batch['label']), logits

  (loss, logits), grads = jax.value_and_grad(forward_and_loss, has_aux=True)(state.params)
  grads = jax.lax.pmean(grads, 'batch')
  new_state = state.apply_gradients(grads=grads)
  return new_state, {'loss': loss}


def main(_):
  dataset_source = dataset_source_lib.Cifar10(128, 'autoaugment')
  model, variables = load_model.get_model(FLAGS.model_name, 128, 32, 10)
  steps_per_epoch = dataset_source.num_training_obs // 128
  learning_rate_fn = optax.cosine_decay_schedule(FLAGS.learning_rate, FLAGS.num_epochs * steps_per_epoch)
  state = train_state.TrainState.create(apply_fn=model.apply, params=variables['params'],
                                        tx=create_optimizer(learning_rate_fn))
  p_train_step = jax.pmap(train_step, axis_name='batch')
  state = jax.device_put_replicated(state, jax.local_devices())
  for epoch in range(FLAGS.num_epochs):
    for batch in dataset_source.get_train(use_augmentations=True):
      batch = common_utils.shard(jax.tree_util.tree_map(lambda x: x._numpy(), batch))
      state, metrics = p_train_step(state, batch)


if __name__ == '__main__':
  app.run(main)
