# Idiom seen in: google-deepmind/kfac-jax examples/classifier_mnist/experiment.py
# Idiom seen in: google-deepmind/kfac-jax examples/optimizers.py
# What it reproduces: the MNIST conv classifier experiment with the optax branch of create_optimizer()
# (getattr(optax, name)(learning_rate=..., **kwargs)); the model loss is functools.partial(classifier_loss,
# l2_reg=config.l2_reg) and its regularized value is what the update differentiates: clean.

import functools

import haiku as hk
import jax
import jax.numpy as jnp
import optax

import losses
from datasets import mnist_dataset
from pipeline import get_config


def convolutional_classifier() -> hk.Transformed:
  def func(batch):
    if isinstance(batch, dict):
      batch = batch["images"]
    if batch.ndim == 3:
      batch = jnp.expand_dims(batch, axis=-1)
    model = hk.Sequential([
        hk.Conv2D(2, kernel_shape=(5, 5)), jax.nn.relu,
        hk.MaxPool((2, 2), strides=(2, 2), padding="SAME"),
        hk.Conv2D(4, kernel_shape=(5, 5)), jax.nn.relu,
        hk.MaxPool((2, 2), strides=(2, 2), padding="SAME"),
        hk.Flatten(),
        hk.Linear(32), jax.nn.relu,
        hk.Linear(10),
    ])
    return model(batch)
  return hk.without_apply_rng(hk.transform(func))


def classifier_loss(params, batch, l2_reg, is_training):
  logits = convolutional_classifier().apply(params, batch["images"])
  return losses.classifier_loss_and_stats(
      predictions=logits,
      labels_as_int=batch["labels"],
      params=params,
      l2_reg=l2_reg if is_training else 0.0,
      haiku_exclude_batch_norm=False,
      haiku_exclude_biases=False,
      top_k_stats=(1,),
  )


def create_optimizer(name, optimizer_config):
  kwargs = dict(optimizer_config[name])
  learning_rate = kwargs.pop("learning_rate")
  return getattr(optax, name)(learning_rate=learning_rate, **kwargs)


def run(config):
  exp = config["experiment_kwargs"]["config"]
  loss_fn = functools.partial(classifier_loss, l2_reg=exp["l2_reg"], is_training=True)
  value_and_grad_fn = jax.value_and_grad(loss_fn, has_aux=True)
  optimizer = create_optimizer(exp["optimizer"]["name"], exp["optimizer"])

  train_iter = mnist_dataset(split="train", batch_size=exp["batch_size"])
  params = convolutional_classifier().init(jax.random.PRNGKey(config["random_seed"]), next(train_iter))
  opt_state = optimizer.init(params)

  @jax.jit
  def update(params, opt_state, batch):
    (loss, stats), grads = value_and_grad_fn(params, batch)
    updates, opt_state = optimizer.update(grads, opt_state, params)
    return optax.apply_updates(params, updates), opt_state, loss, stats

  for step in range(exp["steps"]):
    params, opt_state, loss, stats = update(params, opt_state, next(train_iter))
    if step % 100 == 0:
      print(step, float(loss), {k: float(v) for k, v in stats.items()})
  return params


if __name__ == "__main__":
  run(get_config())
