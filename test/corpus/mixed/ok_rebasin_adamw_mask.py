# Idiom seen in: samuela/git-re-basin src/cifar100_resnet20_train.py
# Idiom seen in: samuela/git-re-basin src/cifar10_resnet20_train.py
# What it reproduces: the repository's commented-out alternative `optax.adamw(learning_rate=lr_schedule,
#   weight_decay=5e-4)` made live, with a mask that decays only conv/dense kernels, under a warmup-cosine
#   schedule. Clean: decoupled decay, masked, loss has no second penalty.
import argparse

import jax
import jax.numpy as jnp
import optax
from flax import traverse_util
from flax.training.train_state import TrainState
from jax import jit, random, value_and_grad

from datasets import load_cifar100
from resnet20 import BLOCKS_PER_GROUP, ResNet

NUM_CLASSES = 100


def wd_mask(params):
  flat = traverse_util.flatten_dict(params)
  return traverse_util.unflatten_dict({path: path[-1] == "kernel" for path in flat})


def init_train_state(rng, model, learning_rate, num_epochs, batch_size, num_train_examples):
  steps_per_epoch = num_train_examples // batch_size
  lr_schedule = optax.warmup_cosine_decay_schedule(
      init_value=1e-6,
      peak_value=learning_rate,
      warmup_steps=5 * steps_per_epoch,
      decay_steps=num_epochs * steps_per_epoch,
  )
  tx = optax.adamw(learning_rate=lr_schedule, weight_decay=5e-4, mask=wd_mask)
  variables = model.init(rng, jnp.zeros((1, 32, 32, 3)))
  return TrainState.create(apply_fn=model.apply, params=variables["params"], tx=tx)


def make_step(model):
  def batch_eval(params, images, labels):
    logits = model.apply({"params": params}, images)
    y = jax.nn.one_hot(labels, NUM_CLASSES)
    return jnp.mean(optax.softmax_cross_entropy(logits=logits, labels=y)), {}

  @jit
  def step(train_state, images, labels):
    (l, _), g = value_and_grad(batch_eval, has_aux=True)(train_state.params, images, labels)
    return train_state.apply_gradients(grads=g), l

  return step


if __name__ == "__main__":
  parser = argparse.ArgumentParser()
  parser.add_argument("--seed", type=int, default=0)
  parser.add_argument("--width-multiplier", type=int, default=4)
  args = parser.parse_args()
  rng = random.PRNGKey(args.seed)
  model = ResNet(blocks_per_group=BLOCKS_PER_GROUP["resnet20"], num_classes=NUM_CLASSES,
                 width_multiplier=args.width_multiplier)
  train_ds, test_ds = load_cifar100()
  n = train_ds["images_u8"].shape[0]
  train_state = init_train_state(rng, model, 1e-3, 250, 100, n)
  step = make_step(model)
  for epoch in range(250):
    for p in random.permutation(random.fold_in(rng, epoch), n).reshape((-1, 100)):
      train_state, loss = step(train_state, train_ds["images_u8"][p] / 255.0, train_ds["labels"][p])
    print(epoch, float(loss))
