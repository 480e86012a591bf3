# Idiom seen in: tinker495/JAxtar train_util/optimizer.py
# What it reproduces: the hand-built "AdamW" chain with the masked add_decayed_weights moved in front of
# scale_by_adam: the decay now goes through Adam's sqrt(v) normalization, coupled L2 rather than AdamW
# (user mistake in the repository's idiom; the repository puts the decay after scale_by_adam).
from typing import Any, Optional

import jax
import optax

PyTree = Any


def adamw_cwd(learning_rate, weight_decay: Optional[float] = None,
              weight_decay_mask: Optional[PyTree] = None, **adam_kwargs) -> optax.GradientTransformation:
    transforms = []
    if weight_decay is not None:
        transforms.append(optax.add_decayed_weights(weight_decay, weight_decay_mask))  # expect: WD202
    transforms.append(optax.scale_by_adam(**adam_kwargs))
    transforms.append(optax.scale_by_learning_rate(learning_rate))
    return optax.chain(*transforms)


def no_decay_mask(params):
    def mask_fn(path, value):
        last = path[-1]
        return not (isinstance(last, jax.tree_util.DictKey) and last.key in ("bias", "scale"))

    return jax.tree_util.tree_map_with_path(mask_fn, params)


def setup_optimizer(params: PyTree, lr_init: float = 1e-3, weight_decay_size: float = 1e-2):
    schedule = optax.warmup_cosine_decay_schedule(0.0, lr_init, 1000, 100000)
    optimizer = optax.inject_hyperparams(
        lambda learning_rate: optax.chain(
            optax.clip_by_global_norm(1.0),
            adamw_cwd(learning_rate, weight_decay=weight_decay_size, weight_decay_mask=no_decay_mask(params)),
        )
    )(schedule)
    return optimizer, optimizer.init(params)
