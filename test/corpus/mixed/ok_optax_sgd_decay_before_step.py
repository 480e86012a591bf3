# Idiom seen in: aidancrilly/optax_examples chained_scale_by.py
# Idiom seen in: aidancrilly/optax_examples utils.py
# What it reproduces: a sweep over learning rates of a chained optax optimizer; add_decayed_weights (masked to
#   kernels) comes before the momentum-SGD step, with lr*wd far below the stability limit. Clean.
import jax
import jax.numpy as jnp
import optax

from losses import mean_squared_nth_order_diff

WEIGHT_DECAY = 5e-4


def kernel_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def init_params(key, n=100, width=128):
    k1, k2 = jax.random.split(key)
    return {"enc": {"kernel": jax.random.normal(k1, (n, width)) * 0.05, "bias": jnp.zeros(width)},
            "dec": {"kernel": jax.random.normal(k2, (width, n)) * 0.05, "bias": jnp.zeros(n)}}


def reconstruct(params, y):
    z = jax.nn.gelu(y @ params["enc"]["kernel"] + params["enc"]["bias"])
    return z @ params["dec"]["kernel"] + params["dec"]["bias"]


def optimize(params, optimizer, loss, num_steps=200):
    opt_state = optimizer.init(params)

    def step(carry, _):
        opt_state, params = carry
        l, grad = jax.value_and_grad(loss)(params)
        updates, opt_state = optimizer.update(grad, opt_state, params)
        return (opt_state, optax.apply_updates(params, updates)), l

    (_, params), ls = jax.lax.scan(step, (opt_state, params), jnp.zeros(num_steps))
    return params, ls


smooth = mean_squared_nth_order_diff(n=1)
target = jnp.zeros(100).at[50].set(1.0)
loss = lambda p: smooth(reconstruct(p, target)) + jnp.mean((reconstruct(p, target) - target) ** 2)

for lr in [0.1, 0.05, 0.01]:
    optimizer = optax.chain(
        optax.add_decayed_weights(WEIGHT_DECAY, mask=kernel_mask),
        optax.sgd(lr, momentum=0.9),
    )
    params, ls = optimize(init_params(jax.random.PRNGKey(0)), optimizer, loss)
    print(f"lr={lr}: final loss {float(ls[-1]):.4f}")
