# Idiom seen in: olofer/jax-resnet resnet-bce-example.py
# Idiom seen in: olofer/jax-resnet train_test_patterns.py
# What it reproduces: the repo decays with a hand-written SGD step; here the user moves to optax and chains
# add_decayed_weights after optax.sgd, so +wd*w is added after the -lr scaling: the weights grow by (1+wd) each step.
import argparse

import jax
import jax.numpy as jnp
import optax

import resnet_ffn as resffn
from dataset_batcher import random_split
from toy_dataset_utils import create_dataset


def binary_ce(f, y):
    return jnp.logaddexp(0.0, f) - y * f


def loss(params, features, targets):
    preds = resffn.batched_predict(params, features)
    return jnp.mean(binary_ce(preds, targets))


def make_update(tx):
    @jax.jit
    def update(params, opt_state, x, y):
        value, grads = jax.value_and_grad(loss)(params, x, y)
        updates, opt_state = tx.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        return params, opt_state, value
    return update


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--layers", type=int, default=3)
    parser.add_argument("--units-per-layer", type=int, default=125)
    parser.add_argument("--epochs", type=int, default=500)
    parser.add_argument("--batches", type=int, default=15)
    parser.add_argument("--N", type=int, default=1500)
    parser.add_argument("--toy-name", type=str, default="moons")
    parser.add_argument("--step-size", type=float, default=1.0e-2)
    parser.add_argument("--weight-decay", type=float, default=1.0e-3)
    parser.add_argument("--jax-seed", type=int, default=42)
    args = parser.parse_args()

    sizes = [2] + [args.units_per_layer] * (args.layers + 1) + [1]
    params = resffn.init_network_params(sizes, jax.random.PRNGKey(args.jax_seed))
    print("model has %i parameters" % resffn.num_parameters(params))

    tx = optax.chain(
        optax.sgd(learning_rate=args.step_size),
        optax.add_decayed_weights(args.weight_decay, mask=resffn.weight_only_mask),  # expect: WD302
    )
    opt_state = tx.init(params)
    update = make_update(tx)

    X, y = create_dataset(args.N, typestr=args.toy_name)
    train_set, test_set = random_split(X, y, args.batches)

    for epoch in range(args.epochs):
        for xb, yb in train_set:
            params, opt_state, batch_loss = update(params, opt_state, xb, yb)
        if epoch % 100 == 0:
            print(epoch, float(batch_loss), float(loss(params, *test_set.all())))
