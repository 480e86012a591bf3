# Idiom seen in: aidancrilly/optax_examples utils.py
# Idiom seen in: aidancrilly/optax_examples chained_scale_by.py
# What it reproduces: an `optimize(initial, optimizer, loss, num_steps)` helper run with lax.scan over a chained
#   optax optimizer; decay before plain SGD with lr*wd = 0.5*4.0 = 2, so each step flips the kernels' sign
#   (a missing exponent, 4.0 for 4e-3; bug written by us in the repo's idiom).
import jax
import jax.numpy as jnp
import optax

from losses import smoothness_penalty

LEARNING_RATE = 0.5
WEIGHT_DECAY = 4.0  # expect: WD301
NUM_STEPS = 300


def kernel_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def init_params(key, n_in=32, n_hidden=64):
    k1, k2 = jax.random.split(key)
    return {
        "hidden": {"w": jax.random.normal(k1, (n_in, n_hidden)) * 0.1, "b": jnp.zeros(n_hidden)},
        "out": {"w": jax.random.normal(k2, (n_hidden, n_in)) * 0.1, "b": jnp.zeros(n_in)},
    }


def apply(params, y):
    h = jnp.tanh(y @ params["hidden"]["w"] + params["hidden"]["b"])
    return h @ params["out"]["w"] + params["out"]["b"]


def optimize(params, optimizer, loss, num_steps=100):
    opt_state = optimizer.init(params)

    def step(carry, _):
        opt_state, params = carry
        l, grad = jax.value_and_grad(loss)(params)
        updates, opt_state = optimizer.update(grad, opt_state, params)
        params = optax.apply_updates(params, updates)
        return (opt_state, params), l

    (_, params), losses = jax.lax.scan(step, (opt_state, params), jnp.zeros(num_steps))
    return params, losses


if __name__ == "__main__":
    signal = jnp.zeros(32).at[16].set(1.0)
    loss = lambda p: jnp.mean((apply(p, signal) - signal) ** 2) + smoothness_penalty(apply(p, signal))
    optimizer = optax.chain(
        optax.add_decayed_weights(WEIGHT_DECAY, mask=kernel_mask),
        optax.sgd(LEARNING_RATE),
    )
    params, losses = optimize(init_params(jax.random.PRNGKey(0)), optimizer, loss, NUM_STEPS)
    print(losses[-1])
