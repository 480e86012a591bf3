# Idiom seen in: samuela/git-re-basin src/cifar10_resnet20_train.py
# What it reproduces: argparse + wandb config, TrainState with optax.chain(add_decayed_weights(wd), sgd(momentum)).
#   The decay is correctly placed before the step, but it has no mask: every LayerNorm scale/bias and
#   the Dense bias are decayed too (WD203, as in the real repository).
import argparse

import jax.numpy as jnp
import optax
import wandb
from flax.training.train_state import TrainState
from jax import jit, random, value_and_grad

from datasets import load_cifar10
from resnet20 import BLOCKS_PER_GROUP, ResNet

NUM_CLASSES = 10


def make_step(model):
  @jit
  def batch_eval(params, images, labels):
    logits = model.apply({"params": params}, images)
    y = jax_one_hot(labels)
    l = jnp.mean(optax.softmax_cross_entropy(logits=logits, labels=y))
    return l, {"num_correct": jnp.sum(jnp.argmax(logits, -1) == labels)}

  @jit
  def step(train_state, images, labels):
    (l, info), g = value_and_grad(batch_eval, has_aux=True)(train_state.params, images, labels)
    return train_state.apply_gradients(grads=g), {"batch_loss": l, **info}

  return step


def jax_one_hot(labels):
  return jnp.eye(NUM_CLASSES)[labels]


def init_train_state(rng, model, learning_rate, num_epochs, batch_size, num_train_examples,
                     weight_decay: float):
  steps_per_epoch = num_train_examples // batch_size
  lr_schedule = optax.warmup_cosine_decay_schedule(
      init_value=1e-6,
      peak_value=learning_rate,
      warmup_steps=5 * steps_per_epoch,
      decay_steps=num_epochs * steps_per_epoch,
  )
  tx = optax.chain(optax.add_decayed_weights(weight_decay), optax.sgd(lr_schedule, momentum=0.9))  # expect: WD203
  variables = model.init(rng, jnp.zeros((1, 32, 32, 3)))
  return TrainState.create(apply_fn=model.apply, params=variables["params"], tx=tx)


if __name__ == "__main__":
  parser = argparse.ArgumentParser()
  parser.add_argument("--seed", type=int, default=0)
  parser.add_argument("--width-multiplier", type=int, default=1)
  parser.add_argument("--weight-decay", type=float, default=1e-4)
  args = parser.parse_args()

  with wandb.init(project="git-re-basin", job_type="train") as wandb_run:
    config = wandb.config
    config.learning_rate = 0.1
    config.num_epochs = 250
    config.batch_size = 100
    config.weight_decay = args.weight_decay

    rng = random.PRNGKey(args.seed)
    model = ResNet(blocks_per_group=BLOCKS_PER_GROUP["resnet20"], num_classes=NUM_CLASSES,
                   width_multiplier=args.width_multiplier)
    train_ds, test_ds = load_cifar10()
    n = train_ds["images_u8"].shape[0]
    train_state = init_train_state(rng, model, config.learning_rate, config.num_epochs,
                                   config.batch_size, n, weight_decay=config.weight_decay)
    step = make_step(model)
    for epoch in range(config.num_epochs):
      perm = random.permutation(random.fold_in(rng, epoch), n).reshape((-1, config.batch_size))
      for p in perm:
        images = train_ds["images_u8"][p].astype(jnp.float32) / 255.0
        train_state, info = step(train_state, images, train_ds["labels"][p])
      wandb_run.log({"epoch": epoch, "train_loss": float(info["batch_loss"])})
