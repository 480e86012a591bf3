# Idiom seen in: samuela/git-re-basin src/cifar10_vgg_run.py
# Idiom seen in: samuela/git-re-basin src/cifar10_resnet20_train.py
# What it reproduces: the repository's optax.chain(add_decayed_weights(wd), <step>) recipe, with the user
#   swapping the SGD step for optax.adam: the decay now enters Adam's moments and is divided by
#   sqrt(v)+eps, i.e. coupled L2, not AdamW (WD202). Masked to kernels, so no WD203.
import argparse

import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
import wandb
from flax.training.train_state import TrainState
from jax import jit, random, value_and_grad

from datasets import load_cifar10


class VGG16(nn.Module):
  @nn.compact
  def __call__(self, x):
    for width, n in ((64, 2), (128, 2), (256, 3), (512, 3), (512, 3)):
      for _ in range(n):
        x = nn.relu(nn.LayerNorm()(nn.Conv(width, (3, 3))(x)))
      x = nn.max_pool(x, (2, 2), strides=(2, 2))
    x = jnp.reshape(x, (x.shape[0], -1))
    x = nn.relu(nn.Dense(512)(x))
    return nn.Dense(10)(x)


def decay_mask(params):
  return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def init_train_state(rng, model, learning_rate, weight_decay):
  tx = optax.chain(
      optax.add_decayed_weights(weight_decay, mask=decay_mask),  # expect: WD202
      optax.adam(learning_rate),
  )
  variables = model.init(rng, jnp.zeros((1, 32, 32, 3)))
  return TrainState.create(apply_fn=model.apply, params=variables["params"], tx=tx)


def make_step(model):
  def batch_eval(params, images, labels):
    logits = model.apply({"params": params}, images)
    l = jnp.mean(optax.softmax_cross_entropy_with_integer_labels(logits, labels))
    return l, {"num_correct": jnp.sum(jnp.argmax(logits, -1) == labels)}

  @jit
  def step(train_state, images, labels):
    (l, info), g = value_and_grad(batch_eval, has_aux=True)(train_state.params, images, labels)
    return train_state.apply_gradients(grads=g), {"batch_loss": l, **info}

  return step


if __name__ == "__main__":
  parser = argparse.ArgumentParser()
  parser.add_argument("--seed", type=int, default=0)
  parser.add_argument("--weight-decay", type=float, default=5e-4)
  args = parser.parse_args()
  with wandb.init(project="git-re-basin", tags=["cifar10", "vgg16"], job_type="train") as wandb_run:
    config = wandb.config
    config.learning_rate = 1e-3
    config.num_epochs = 100
    config.batch_size = 100
    rng = random.PRNGKey(args.seed)
    model = VGG16()
    train_ds, test_ds = load_cifar10()
    train_state = init_train_state(rng, model, config.learning_rate, args.weight_decay)
    step = make_step(model)
    n = train_ds["images_u8"].shape[0]
    for epoch in range(config.num_epochs):
      for p in random.permutation(random.fold_in(rng, epoch), n).reshape((-1, config.batch_size)):
        train_state, info = step(train_state, train_ds["images_u8"][p] / 255.0, train_ds["labels"][p])
      wandb_run.log({"epoch": epoch, "train_loss": float(info["batch_loss"])})
