# Idiom seen in: tinker495/JAxtar train_util/optimizer.py
# What it reproduces: decoupled AdamW written as a chain: the masked add_decayed_weights sits after
# scale_by_adam and before scale_by_learning_rate; batch_stats, biases and scales are masked out (clean).
from typing import Any, Optional

import jax
import optax

PyTree = Any


def adamw_chain(learning_rate, weight_decay: Optional[float] = None,
                weight_decay_mask: Optional[PyTree] = None, **adam_kwargs) -> optax.GradientTransformation:
    transforms = [optax.scale_by_adam(**adam_kwargs)]
    if weight_decay is not None:
        transforms.append(optax.add_decayed_weights(weight_decay, weight_decay_mask))
    transforms.append(optax.scale_by_learning_rate(learning_rate))
    return optax.chain(*transforms)


OPTIMIZERS = {
    "adam": adamw_chain,
    "nadam": lambda **kwargs: adamw_chain(nesterov=True, **kwargs),
}


def mask_batch_stat_or_bias(params):
    def mask_fn(path, value):
        is_batch_stat = any(
            isinstance(entry, jax.tree_util.DictKey) and "batch_stats" in entry.key for entry in path
        )
        is_no_wd_param = (
            path and isinstance(path[-1], jax.tree_util.DictKey) and path[-1].key in ("bias", "scale", "beta")
        )
        return not (is_batch_stat or is_no_wd_param)

    return jax.tree_util.tree_map_with_path(mask_fn, params)


def setup_optimizer(params: PyTree, num_devices: int, steps: int, optimizer_name: str,
                    lr_init: float = 1e-3, weight_decay_size: float = 0.001):
    lr = lr_init * num_devices
    warmup_steps = max(steps // 100, 1)
    lr_schedule = optax.join_schedules(
        schedules=[
            optax.linear_schedule(init_value=1e-6, end_value=lr, transition_steps=warmup_steps),
            optax.exponential_decay(lr, 5000, 0.995),
        ],
        boundaries=[warmup_steps],
    )
    mask_tree = mask_batch_stat_or_bias(params)

    def optimizer_fn(learning_rate):
        scaler = OPTIMIZERS[optimizer_name](
            learning_rate=learning_rate,
            weight_decay=weight_decay_size,
            weight_decay_mask=mask_tree,
        )
        return optax.chain(optax.clip_by_global_norm(1.0), scaler)

    optimizer = optax.inject_hyperparams(optimizer_fn)(lr_schedule)
    return optimizer, optimizer.init(params)
