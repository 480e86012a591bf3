# Idiom seen in: young-geng/EasyLM EasyLM/optimizers.py
# What it reproduces: a configurable optax optimizer factory driven by ml_collections ConfigDicts:
# default hyper-parameters in get_default_config, overrides merged in, and an AdamW branch that
# chains a global-norm clip with optax.adamw(weight_decay=config.weight_decay, mask=weight_decay_mask).
# label-note: weight_decay_mask defaults to None here, but the only caller (train.py) passes a mask
# function that excludes biases, norms and embeddings, so the decay is decoupled and masked: clean.
import jax.numpy as jnp
import optax
from ml_collections import ConfigDict


class OptimizerFactory(object):
    """Configurable optax optimizer factory."""

    def __init__(self):
        raise NotImplementedError

    @staticmethod
    def get_default_config(updates=None):
        config = ConfigDict()
        config.accumulate_gradient_steps = 1
        config.init_lr = 0.0
        config.end_lr = 3e-5
        config.lr = 3e-4
        config.lr_warmup_steps = 2000
        config.lr_decay_steps = 250000
        config.b1 = 0.9
        config.b2 = 0.95
        config.clip_gradient = 1.0
        config.weight_decay = 0.1
        config.bf16_momentum = False
        if updates is not None:
            config.update(ConfigDict(updates).copy_and_resolve_references())
        return config

    @classmethod
    def get_optimizer(cls, config, weight_decay_mask=None):
        config = cls.get_default_config(config)
        learning_rate_schedule = optax.warmup_cosine_decay_schedule(
            init_value=config.init_lr,
            peak_value=config.lr,
            warmup_steps=config.lr_warmup_steps,
            decay_steps=config.lr_decay_steps,
            end_value=config.end_lr,
        )
        optimizer = optax.chain(
            optax.clip_by_global_norm(config.clip_gradient),
            optax.adamw(
                learning_rate=learning_rate_schedule,
                weight_decay=config.weight_decay,
                b1=config.b1,
                b2=config.b2,
                mask=weight_decay_mask,
                mu_dtype=jnp.bfloat16 if config.bf16_momentum else jnp.float32,
            ),
        )
        if config.accumulate_gradient_steps > 1:
            optimizer = optax.MultiSteps(optimizer, config.accumulate_gradient_steps)
        return optimizer, dict(learning_rate_schedule=learning_rate_schedule)
