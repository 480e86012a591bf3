# Idiom seen in: google-research/sam sam_jax/training_utils/flax_training.py
# What it reproduces: SAM's train_step, whose loss adds 0.5 * l2_reg * sum of squares of all params, ported to optax by a
#   user who also switched the optimizer to optax.adamw(weight_decay=..., mask=kernels): the kernels are decayed twice,
#   through the loss and by adamw (user mistake in the repo's idiom; the repo uses momentum SGD without decay).
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
flags.DEFINE_float('learning_rate', 1e-3, 'Initial learning rate.')
flags.DEFINE_float('weight_decay', 0.05, 'AdamW weight decay.')
flags.DEFINE_float('l2_reg', 0.001, 'L2 penalty coefficient.')
flags.DEFINE_float('sam_rho', 0.05, 'SAM neighborhood size.')
flags.DEFINE_integer('num_epochs', 200, 'Epochs.')


def decay_mask(params):
  return jax.tree_util.tree_map(lambda x: x.ndim > 1, params)


def cross_entropy_loss(logits, one_hot_labels):
  return -jnp.mean(jnp.sum(one_hot_labels * jax.nn.log_softmax(logits), axis=-1))


def dual_vector(y):
  gradient_norm = jnp.sqrt(sum(jnp.sum(jnp.square(e)) for e in jax.tree_util.tree_leaves(y)))
  return jax.tree_util.tree_map(lambda x: x / gradient_norm, y)


def train_step(state, batch, l2_reg):
  def forward_and_loss(params):
    logits = state.apply_fn({'params': params}, batch['image'], train=True)
    loss = cross_entropy_loss(logits, batch['label'])
    weight_penalty = l2_reg * 0.5 * sum(jnp.sum(x ** 2) for x in jax.tree_util.tree_leaves(params))  # expect: WD201
    return loss + weight_penalty, logits

  _, grad = jax.value_and_grad(forward_and_loss, has_aux=True)(state.params)
  grad = dual_vector(jax.lax.pmean(grad, 'batch'))
  noised = jax.tree_util.tree_map(lambda a, b: a + FLAGS.sam_rho * b, state.params, grad)
  (loss, logits), grad = jax.value_and_grad(forward_and_loss, has_aux=True)(noised)
  grad = jax.lax.pmean(grad, 'batch')
  return state.apply_gradients(grads=grad), {'loss': loss}


def main(_):
  dataset_source = dataset_source_lib.Cifar10(128, 'autoaugment')
  model, variables = load_model.get_model('WideResnet28x10', 128, 32, 10)
  steps = FLAGS.num_epochs * dataset_source.num_training_obs // 128
  tx = optax.adamw(optax.cosine_decay_schedule(FLAGS.learning_rate, steps),
                   weight_decay=FLAGS.weight_decay, mask=decay_mask)
  state = train_state.TrainState.create(apply_fn=model.apply, params=variables['params'], tx=tx)
  p_train_step = jax.pmap(functools.partial(train_step, l2_reg=FLAGS.l2_reg), axis_name='batch')
  state = jax.device_put_replicated(state, jax.local_devices())
  for epoch in range(FLAGS.num_epochs):
    for batch in dataset_source.get_train(use_augmentations=True):
      batch = common_utils.shard(jax.tree_util.tree_map(lambda x: x._numpy(), batch))
      state, metrics = p_train_step(state, batch)


if __name__ == '__main__':
  app.run(main)
