# Idiom seen in: federicobergamin/riemannian-laplace-approximation banana_experiment.py
# What it reproduces: a JAX/flax port of the banana experiment turns torch Adam(weight_decay=1e-3) into
#   optax.chain(optax.adam(lr), optax.add_decayed_weights(wd)): the decay comes after the step, so it is
#   added with a + sign to the update (w grows by (1+wd) per step), and it has no mask (biases too).
import argparse
import os

import flax.linen as nn
import jax
import jax.numpy as jnp
import jax.random as jrandom
import numpy as np
import optax
import sklearn.model_selection
from flax.training import train_state

from datautils import make_pinwheel_data  # noqa: F401  (kept from the torch script)


class MLP(nn.Module):
    num_features: int
    hidden_size: int
    num_output: int

    @nn.compact
    def __call__(self, x):
        x = nn.tanh(nn.Dense(self.hidden_size)(x))
        x = nn.tanh(nn.Dense(self.hidden_size)(x))
        return nn.Dense(self.num_output)(x)


def create_train_state(rng, model, num_features, learning_rate, optimizer_type):
    params = model.init(rng, jnp.ones([1, num_features]))
    if optimizer_type == "sgd":
        optimizer = optax.sgd(learning_rate)
    else:
        weight_decay = 1e-3  # same value as the torch Adam(weight_decay=1e-3)
        optimizer = optax.chain(optax.adam(learning_rate=learning_rate), optax.add_decayed_weights(weight_decay))  # expect: WD302, WD203
    return train_state.TrainState.create(apply_fn=model.apply, params=params, tx=optimizer)


def compute_loss(logits, labels):
    return jnp.sum(optax.softmax_cross_entropy_with_integer_labels(logits=logits, labels=labels))


@jax.jit
def train_step(state, batch_x, batch_y):
    def loss_fn(params):
        return compute_loss(state.apply_fn(params, batch_x), batch_y)

    grads = jax.grad(loss_fn)(state.params)
    return state.apply_gradients(grads=grads)


def main(args):
    rng = jrandom.PRNGKey(args.seed)
    Xy = np.loadtxt(os.path.join("data", "banana", "banana.csv"), delimiter=",")
    x_full, y_full = Xy[:, :-1], Xy[:, -1] - 1
    x_train, x_test, y_train, y_test = sklearn.model_selection.train_test_split(
        x_full, y_full, train_size=0.7, random_state=230, shuffle=True)
    x_train = jnp.asarray(x_train[:265], dtype=jnp.float32)
    y_train = jnp.asarray(y_train[:265], dtype=jnp.int32)

    model = MLP(num_features=x_train.shape[-1], hidden_size=16, num_output=2)
    state = create_train_state(rng, model, x_train.shape[-1], 1e-3, args.optimizer)

    for epoch in range(args.epochs):
        state = train_step(state, x_train, y_train)
        if (epoch + 1) % 100 == 0:
            loss = compute_loss(state.apply_fn(state.params, x_train), y_train) / len(x_train)
            print(f"Epoch: {epoch + 1}, Train loss: {loss:.4f}")
    return state


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Riemannian Laplace, banana dataset (JAX)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--optimizer", type=str, default="adam", choices=["sgd", "adam"])
    parser.add_argument("--epochs", type=int, default=1500)
    main(parser.parse_args())
