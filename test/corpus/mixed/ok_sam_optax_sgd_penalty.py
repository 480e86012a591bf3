# Idiom seen in: google-research/sam sam_jax/training_utils/flax_training.py
# What it reproduces: SAM's train_step ported to optax as the repo does it in flax.optim: the loss adds
#   0.5 * l2_reg * sum of squares of the >1-dim params (--no_weight_decay_on_bn), and the optimizer is Nesterov momentum
#   SGD with no decay of its own, so the weights are decayed once: clean.
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
flags.DEFINE_integer('num_epochs', 200, 'Epochs.')


def cross_entropy_loss(logits, one_hot_labels):
  return -jnp.mean(jnp.sum(one_hot_labels * jax.nn.log_softmax(logits), axis=-1))


def train_step(state, batch, l2_reg):
  def forward_and_loss(params):
    logits = state.apply_fn({'params': params}, batch['image'], train=True)
    loss = cross_entropy_loss(logits, batch['label'])
    weight_penalty_params = jax.tree_util.tree_leaves(params)
    weight_l2 = sum([jnp.sum(x ** 2) for x in weight_penalty_params if x.ndim > 1])
    weight_penalty = l2_reg * 0.5 * weight_l2
    loss = loss + weight_penalty
    return loss, logits

  (loss, logits), grad = jax.value_and_grad(forward_and_loss, has_aux=True)(state.params)
  grad = jax.lax.pmean(grad, 'batch')
  return state.apply_gradients(grads=grad), {'loss': loss}


def main(_):
  dataset_source = dataset_source_lib.Cifar10(128, 'autoaugment')
  model, variables = load_model.get_model('WideResnet28x10', 128, 32, 10)
  steps = FLAGS.num_epochs * dataset_source.num_training_obs // 128
  tx = optax.chain(
      optax.clip_by_global_norm(FLAGS.gradient_clipping),
      optax.sgd(optax.cosine_decay_schedule(FLAGS.learning_rate, steps), momentum=0.9, nesterov=True))
  state = train_state.TrainState.create(apply_fn=model.apply, params=variables['params'], tx=tx)
  p_train_step = jax.pmap(functools.partial(train_step, l2_reg=FLAGS.weight_decay), axis_name='batch')
  state = jax.device_put_replicated(state, jax.local_devices())
  for epoch in range(FLAGS.num_epochs):
    for batch in dataset_source.get_train(use_augmentations=True):
      batch = common_utils.shard(jax.tree_util.tree_map(lambda x: x._numpy(), batch))
      state, metrics = p_train_step(state, batch)


if __name__ == '__main__':
  app.run(main)
