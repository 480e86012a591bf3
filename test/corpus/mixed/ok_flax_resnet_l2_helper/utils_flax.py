# Idiom seen in: fattorib/Flax-ResNets utils_flax.py
# What it reproduces: helper that sums the squared entries of every parameter leaf with ndim > 1 (conv/dense kernels only, so BatchNorm scale/bias and Dense bias are skipped), plus a cosine LR schedule. Clean.
import jax
import jax.numpy as jnp


def create_cos_anneal_schedule(base_lr, min_lr, max_steps):
    def learning_rate_fn(step):
        cosine_decay = 0.5 * (1 + jnp.cos(jnp.pi * step / max_steps))
        decayed = (1 - min_lr) * cosine_decay + min_lr
        return base_lr * decayed

    return learning_rate_fn


def compute_weight_decay(params):
    """Summed squared L2 norm of the kernels in a params pytree."""
    param_norm = 0
    for p in jax.tree_util.tree_leaves(params):
        if p.ndim > 1:
            param_norm += jnp.sum(p ** 2)
    return param_norm
