# Idiom seen in: samuela/git-re-basin src/cifar10_resnet20_train.py
# What it reproduces: the repository's optax TrainState recipe applied to an MNIST MLP, but the user wrote
#   the chain with optax.add_decayed_weights AFTER optax.sgd: the decay is added after the -lr scaling,
#   so every step multiplies the kernels by (1 + wd) -- a negative decay (WD302). Masked to kernels only.
import argparse

import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from flax.training.train_state import TrainState
from jax import jit, random, value_and_grad

from datasets import load_mnist


class MLP(nn.Module):
  @nn.compact
  def __call__(self, x):
    x = jnp.reshape(x, (-1, 28 * 28))
    x = nn.relu(nn.Dense(512)(x))
    x = nn.relu(nn.Dense(512)(x))
    x = nn.relu(nn.Dense(512)(x))
    return nn.Dense(10)(x)


def kernel_mask(params):
  return jax.tree_util.tree_map_with_path(lambda path, p: path[-1].key == "kernel", params)


def init_train_state(rng, model, learning_rate, weight_decay):
  tx = optax.chain(
      optax.sgd(learning_rate, momentum=0.9),
      optax.add_decayed_weights(weight_decay, mask=kernel_mask),  # expect: WD302
  )
  variables = model.init(rng, jnp.zeros((1, 28, 28, 1)))
  return TrainState.create(apply_fn=model.apply, params=variables["params"], tx=tx)


def make_step(model):
  def loss_fn(params, images, labels):
    logits = model.apply({"params": params}, images)
    l = jnp.mean(optax.softmax_cross_entropy_with_integer_labels(logits, labels))
    return l, {"num_correct": jnp.sum(jnp.argmax(logits, -1) == labels)}

  @jit
  def step(train_state, images, labels):
    (l, info), g = value_and_grad(loss_fn, has_aux=True)(train_state.params, images, labels)
    return train_state.apply_gradients(grads=g), {"batch_loss": l, **info}

  return step


if __name__ == "__main__":
  parser = argparse.ArgumentParser()
  parser.add_argument("--seed", type=int, default=0)
  parser.add_argument("--learning-rate", type=float, default=1e-2)
  parser.add_argument("--weight-decay", type=float, default=5e-4)
  parser.add_argument("--num-epochs", type=int, default=100)
  parser.add_argument("--batch-size", type=int, default=500)
  args = parser.parse_args()

  rng = random.PRNGKey(args.seed)
  model = MLP()
  train_ds, test_ds = load_mnist()
  train_state = init_train_state(rng, model, args.learning_rate, args.weight_decay)
  step = make_step(model)
  n = train_ds["images_u8"].shape[0]
  for epoch in range(args.num_epochs):
    perm = random.permutation(random.fold_in(rng, epoch), n).reshape((-1, args.batch_size))
    for p in perm:
      train_state, info = step(train_state, train_ds["images_u8"][p] / 255.0, train_ds["labels"][p])
    print(epoch, float(info["batch_loss"]))
