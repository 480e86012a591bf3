# Idiom seen in: Hevagog/s2ac-jax src/agent/s2ac/optimizers/adamw.py
# What it reproduces: the skrl-style manual AdamW chain (scale_by_adam, then add_decayed_weights, the
#   learning rate applied afterwards as `scale * update` with scale = -lr). Here the decay is masked to
#   kernels: decoupled decay before the lr scaling, so the weights shrink by (1 - lr*wd). Clean.
import functools

import jax
import jax.numpy as jnp
import flax.linen as nn
import optax

WEIGHT_DECAY = 1e-4
LR = 3e-4


def kernel_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def make_transformation(weight_decay=WEIGHT_DECAY, grad_norm_clip=1.0):
    return optax.chain(
        optax.clip_by_global_norm(grad_norm_clip),
        optax.scale_by_adam(),
        optax.add_decayed_weights(weight_decay, mask=kernel_mask),
    )


@functools.partial(jax.jit, static_argnames=("transformation",))
def step_with_scale(transformation, grad, opt_state, params, scale):
    updates, opt_state = transformation.update(grad, opt_state, params)
    updates = jax.tree_util.tree_map(lambda u: scale * u, updates)
    return optax.apply_updates(params, updates), opt_state


class Critic(nn.Module):
    @nn.compact
    def __call__(self, x):
        x = nn.relu(nn.Dense(256)(x))
        return nn.Dense(1)(nn.relu(nn.Dense(256)(x)))


if __name__ == "__main__":
    from environments import simple_multimodal_batches  # not part of this program

    critic = Critic()
    params = critic.init(jax.random.PRNGKey(0), jnp.zeros((1, 6)))
    tx = make_transformation()
    opt_state = tx.init(params)

    def loss_fn(p, x, y):
        return jnp.mean((critic.apply(p, x).squeeze(-1) - y) ** 2)

    for x, y in simple_multimodal_batches(256):
        grads = jax.grad(loss_fn)(params, x, y)
        params, opt_state = step_with_scale(tx, grads, opt_state, params, -LR)
