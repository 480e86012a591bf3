# Idiom seen in: SimonKoop/common_jax_utils src/common_jax_utils/optimizer_factory.py
# What it reproduces: ml_collections-style config for a flax CNN trained with
#   inject_hyperparams(optax.adamw) and a path-built mask; clean.
import ml_collections


def get_config():
    config = ml_collections.ConfigDict()
    config.learning_rate = 1e-3
    config.weight_decay = 0.05
    config.num_epochs = 30
    config.batch_size = 256
    config.warmup_epochs = 2
    return config
