# Idiom seen in: jiasenlu/LL3M module/optimizers.py
# What it reproduces: an EasyLM-style optimizer factory: clip + optax.adamw(mask=weight_decay_mask) wrapped in
# optax.multi_transform for frozen params; clean because the caller passes a mask that drops biases/norms/embeddings.
import jax
import jax.numpy as jnp
import optax
from ml_collections import ConfigDict


def zero_grads():
    def init_fn(_):
        return ()

    def update_fn(updates, state, params=None):
        return jax.tree_util.tree_map(jnp.zeros_like, updates), ()

    return optax.GradientTransformation(init_fn, update_fn)


class AdamWOptimizerFactory(object):
    """AdamW with warmup + cosine schedule."""

    def __init__(self):
        raise NotImplementedError

    @staticmethod
    def get_default_config(updates=None):
        config = ConfigDict()
        config.init_lr = 0.0
        config.end_lr = 3e-5
        config.lr = 3e-4
        config.lr_warmup_steps = 2000
        config.lr_decay_steps = 500000
        config.b1 = 0.9
        config.b2 = 0.95
        config.clip_gradient = 1.0
        config.weight_decay = 0.1
        if updates is not None:
            config.update(ConfigDict(updates).copy_and_resolve_references())
        return config

    @classmethod
    def get_optimizer(cls, config, weight_decay_mask, trainable_params_mask):
        config = cls.get_default_config(config)
        learning_rate_schedule = optax.warmup_cosine_decay_schedule(
            init_value=config.init_lr,
            peak_value=config.lr,
            warmup_steps=config.lr_warmup_steps,
            decay_steps=config.lr_decay_steps,
            end_value=config.end_lr,
        )
        optim = optax.adamw(
            learning_rate=learning_rate_schedule,
            weight_decay=config.weight_decay,
            b1=config.b1,
            b2=config.b2,
            mask=weight_decay_mask,
        )
        optim = optax.multi_transform(
            {'trainable': optim, 'frozen': zero_grads()}, trainable_params_mask)
        optimizer = optax.chain(
            optax.clip_by_global_norm(config.clip_gradient),
            optim,
        )
        return optimizer, dict(learning_rate_schedule=learning_rate_schedule)
