# Idiom seen in: cottrell/notebooks jax/haiku_examples.py
# Idiom seen in: cottrell/notebooks jax/haiku_examples_2.py
# What it reproduces: a haiku module with hand-made "w"/"b" parameters, an L2 penalty on the "w" leaves only
# (hk.data_structures.filter) added to the loss that jax.grad differentiates, and optax SGD+momentum with no decay: clean.
import argparse

import haiku as hk
import jax
import jax.numpy as jnp
import numpy as np
import optax

from loaders import load_regression_data


class MyModule(hk.Module):

    def __init__(self, output_size, name=None):
        super().__init__(name=name)
        self.output_size = output_size

    def __call__(self, x):
        j, k = x.shape[-1], self.output_size
        w_init = hk.initializers.TruncatedNormal(1. / np.sqrt(j))
        w = hk.get_parameter("w", shape=[j, k], dtype=x.dtype, init=w_init)
        b = hk.get_parameter("b", shape=[k], dtype=x.dtype, init=jnp.ones)
        return jnp.dot(x, w) + b


def f_fn(x):
    h = jax.nn.gelu(MyModule(output_size=64, name="hidden")(x))
    return MyModule(output_size=1, name="out")(h)


f = hk.without_apply_rng(hk.transform(f_fn))


def l2_on_weights(params):
    weights = hk.data_structures.filter(lambda module_name, name, value: name == "w", params)
    return sum(jnp.sum(jnp.square(w)) for w in jax.tree_util.tree_leaves(weights))


def make_loss(wd):
    def loss_fn(params, x, y):
        pred = f.apply(params, x)
        mse = jnp.mean((pred[:, 0] - y) ** 2)
        return mse + 0.5 * wd * l2_on_weights(params)
    return loss_fn


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, default=1e-2)
    parser.add_argument("--wd", type=float, default=1e-4)
    parser.add_argument("--steps", type=int, default=5000)
    args = parser.parse_args()

    x, y = load_regression_data("sensitivities.parquet")
    params = f.init(jax.random.PRNGKey(0), x[:2])
    loss_fn = make_loss(args.wd)

    opt = optax.sgd(learning_rate=args.lr, momentum=0.9)
    opt_state = opt.init(params)

    @jax.jit
    def train_step(params, opt_state, x, y):
        loss_value, grads = jax.value_and_grad(loss_fn)(params, x, y)
        updates, opt_state = opt.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss_value

    for i in range(args.steps):
        params, opt_state, loss_value = train_step(params, opt_state, x, y)
        if i % 500 == 0:
            print(i, float(loss_value))


if __name__ == "__main__":
    main()
