# Idiom seen in: google-deepmind/kfac-jax examples/lrelunet101_imagenet/experiment.py
# What it reproduces: the LReLUNet-101 ImageNet experiment: lrelunet_loss forwards l2_reg (0.0 when not
# training) to classifier_loss_and_stats, bound with functools.partial(lrelunet_loss, l2_reg=config.l2_reg);
# the config sets l2_reg = 0.0, so the L2 branch in losses.py is dead (WD303 labelled there).

import functools

import haiku as hk
import jax
import optax

import losses
from lrelunet import LReLUNet
from imagenet_input import load_imagenet
from pipeline import get_config


def lrelunet(num_classes=1000, depth=101, **kwargs):
  def func(batch, is_training):
    if isinstance(batch, dict):
      batch = batch["images"]
    model = LReLUNet(num_classes=num_classes, depth=depth, **kwargs)
    return model(batch, is_training=is_training)
  return hk.transform(func)


def lrelunet_loss(params, rng, batch, is_training, l2_reg, label_smoothing=0.0,
                  num_classes=1000, depth=101, **kwargs):
  logits = lrelunet(num_classes=num_classes, depth=depth, **kwargs).apply(
      params, rng, batch["images"], is_training)
  return losses.classifier_loss_and_stats(
      predictions=logits,
      labels_as_int=batch["labels"],
      params=params,
      l2_reg=l2_reg if is_training else 0.0,
      haiku_exclude_batch_norm=True,
      haiku_exclude_biases=True,
      label_smoothing=label_smoothing if is_training else 0.0,
  )


class LReLUNetImageNetExperiment:

  def __init__(self, config):
    self.config = config
    self.model_loss_func = functools.partial(
        lrelunet_loss,
        l2_reg=config["l2_reg"],
        num_classes=1000,
        **config["model_kwargs"],
        **config["loss_kwargs"],
    )
    opt = config["optimizer"]
    self.optimizer = optax.sgd(opt["learning_rate"], momentum=opt["momentum"])

  def train(self, num_steps):
    rng = jax.random.PRNGKey(12310912)
    data = load_imagenet("train", batch_size=self.config["batch_size"])
    first = next(data)
    params = lrelunet(num_classes=1000, **self.config["model_kwargs"]).init(rng, first, is_training=True)
    opt_state = self.optimizer.init(params)
    grad_fn = jax.value_and_grad(functools.partial(self.model_loss_func, is_training=True), has_aux=True)

    @jax.jit
    def step(params, opt_state, rng, batch):
      (loss, stats), grads = grad_fn(params, rng, batch)
      updates, opt_state = self.optimizer.update(grads, opt_state, params)
      return optax.apply_updates(params, updates), opt_state, loss, stats

    for i in range(num_steps):
      rng, key = jax.random.split(rng)
      params, opt_state, loss, stats = step(params, opt_state, key, next(data))
      if i % 100 == 0:
        print(i, float(loss), float(stats["top_1_accuracy"]))

  def evaluate(self, params, batch):
    return self.model_loss_func(params, jax.random.PRNGKey(0), batch, is_training=False)


if __name__ == "__main__":
  cfg = get_config()
  LReLUNetImageNetExperiment(cfg).train(cfg["steps"])
