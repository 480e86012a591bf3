# Idiom seen in: google/maxtext MaxText/train.py
# Idiom seen in: google/maxtext MaxText/max_utils.py
# What it reproduces: the MaxText training entry point (absl app, pyconfig, warmup + cosine schedule, TrainState with
# the tx from optimizers.get_optimizer); the decoder has RMSNorm scales and an embedding that the unmasked AdamW
# of optimizers.py decays (WD203 is labelled there).

from typing import Sequence

from absl import app
import flax.linen as nn
from flax.training import train_state
import jax
import jax.numpy as jnp
import optax

import optimizers
import pyconfig
from input_pipeline_interface import create_data_iterator


class RMSNorm(nn.Module):
  epsilon: float = 1e-6

  @nn.compact
  def __call__(self, x):
    scale = self.param("scale", nn.initializers.ones, (x.shape[-1],))
    var = jnp.mean(jnp.square(x), axis=-1, keepdims=True)
    return x * jax.lax.rsqrt(var + self.epsilon) * scale


class DecoderLayer(nn.Module):
  emb_dim: int
  mlp_dim: int

  @nn.compact
  def __call__(self, x):
    h = RMSNorm(name="pre_self_attention_norm")(x)
    h = nn.SelfAttention(num_heads=16, use_bias=False, deterministic=True)(h)
    x = x + h
    h = RMSNorm(name="post_self_attention_norm")(x)
    h = nn.Dense(self.mlp_dim, use_bias=False, name="wi")(h)
    h = nn.Dense(self.emb_dim, use_bias=False, name="wo")(nn.silu(h))
    return x + h


class Transformer(nn.Module):
  config: pyconfig.HyperParameters

  @nn.compact
  def __call__(self, tokens):
    cfg = self.config
    embed = nn.Embed(cfg.vocab_size, cfg.emb_dim, name="token_embedder")
    x = embed(tokens)
    for i in range(cfg.num_decoder_layers):
      x = DecoderLayer(cfg.emb_dim, cfg.mlp_dim, name=f"layers_{i}")(x)
    x = RMSNorm(name="decoder_norm")(x)
    return embed.attend(x)


def create_learning_rate_schedule(config):
  lr = config.learning_rate
  warmup_steps = int(config.learning_rate_schedule_steps * config.warmup_steps_fraction)
  cos_steps = config.learning_rate_schedule_steps - warmup_steps
  warmup = optax.linear_schedule(init_value=0.0, end_value=lr, transition_steps=warmup_steps)
  cosine = optax.cosine_decay_schedule(lr, cos_steps, alpha=config.cosine_learning_rate_final_fraction)
  return optax.join_schedules([warmup, cosine], [warmup_steps])


def train_step(model, config, state, data):
  def loss_fn(params):
    logits = model.apply({"params": params}, data["inputs"])
    xent = optax.softmax_cross_entropy_with_integer_labels(logits, data["targets"])
    mask = data["targets_segmentation"] != 0
    return jnp.sum(xent * mask) / (jnp.sum(mask) + 1e-8)

  loss, grads = jax.value_and_grad(loss_fn)(state.params)
  if config.gradient_clipping_threshold > 0:
    grads, _ = optax.clip_by_global_norm(config.gradient_clipping_threshold).update(grads, None)
  new_state = state.apply_gradients(grads=grads)
  return new_state, {"learning/loss": loss}


def setup_train_state(config, model, rng):
  learning_rate_schedule = create_learning_rate_schedule(config)
  tx = optimizers.get_optimizer(config, learning_rate_schedule)
  dummy = jnp.ones((config.per_device_batch_size, config.max_target_length), jnp.int32)
  params = model.init(rng, dummy)["params"]
  return train_state.TrainState.create(apply_fn=model.apply, params=params, tx=tx), learning_rate_schedule


def train_loop(config):
  model = Transformer(config)
  state, schedule = setup_train_state(config, model, jax.random.PRNGKey(0))
  p_train_step = jax.jit(lambda s, d: train_step(model, config, s, d))
  data_iterator = create_data_iterator(config)
  for step in range(config.steps):
    state, metrics = p_train_step(state, next(data_iterator))
    if step % 100 == 0:
      print(f"step {step}: loss={float(metrics['learning/loss']):.4f} lr={float(schedule(step)):.2e}")
  return state


def main(argv: Sequence[str]) -> None:
  config = pyconfig.initialize(argv)
  train_loop(config)


if __name__ == "__main__":
  app.run(main)
