# Idiom seen in: Wouter-vw/DL_adv jax_version/banana_experiment.py
# What it reproduces: a Riemannian-Laplace reproduction trains its flax MLP with
# optax.adamw(learning_rate, weight_decay=1e-3) and no mask, so every Dense bias is decayed (WD203);
# the sgd branch's weight_decay never reaches optax.sgd (no rule covers that, not labelled).
import argparse

import jax
import jax.numpy as jnp
import jax.random as jrandom
import numpy as np
import optax
import flax.linen as nn
from flax.training import train_state
import sklearn.model_selection

from laplace import Laplace
from utils.metrics import accuracy, nll, brier
from manifold import cross_entropy_manifold


class MLP(nn.Module):
    num_features: int
    hidden_size: int
    num_output: int

    @nn.compact
    def __call__(self, x):
        x = nn.Dense(self.hidden_size)(x)
        x = nn.tanh(x)
        x = nn.Dense(self.hidden_size)(x)
        x = nn.tanh(x)
        x = nn.Dense(self.num_output)(x)
        return x


def create_train_state(rng, model, num_features, optimizer):
    params = model.init(rng, jnp.ones([1, num_features]))
    if optimizer == "sgd":
        learning_rate = 1e-3
        weight_decay = 1e-2
        tx = optax.sgd(learning_rate)
    else:
        learning_rate = 1e-3
        weight_decay = 1e-3
        tx = optax.adamw(learning_rate, weight_decay=weight_decay)  # expect: WD203
    state = train_state.TrainState.create(apply_fn=model.apply, params=params, tx=tx)
    return state, weight_decay


def compute_loss(logits, labels):
    labels = jnp.asarray(labels, dtype=jnp.int32)
    return jnp.sum(optax.softmax_cross_entropy_with_integer_labels(logits=logits, labels=labels))


@jax.jit
def train_step(state, batch_img, batch_label):
    def loss_fn(params):
        logits = state.apply_fn(params, batch_img)
        return compute_loss(logits, batch_label)

    grad = jax.grad(loss_fn)(state.params)
    return state.apply_gradients(grads=grad)


def main(args):
    rng = jrandom.PRNGKey(args.seed)
    Xy = np.loadtxt("data/banana/banana.csv", delimiter=",")
    x_train, y_train = Xy[:, :-1].astype(np.float32), (Xy[:, -1] - 1).astype(np.int32)
    x_train, x_valid, y_train, y_valid = sklearn.model_selection.train_test_split(
        x_train, y_train, train_size=0.7, random_state=230, shuffle=True)
    x_train, y_train = x_train[:265], y_train[:265]

    num_features = x_train.shape[-1]
    model = MLP(num_features=num_features, hidden_size=16, num_output=2)
    state, weight_decay = create_train_state(rng, model, num_features, optimizer=args.optimizer)

    max_epoch = 100 if args.optimizer == "sgd" else 1500
    for epoch in range(max_epoch):
        state = train_step(state, x_train, y_train)
        if (epoch + 1) % 100 == 0:
            logits = state.apply_fn(state.params, x_valid)
            val_acc = jnp.mean(jnp.argmax(logits, axis=1) == y_valid)
            train_loss = compute_loss(state.apply_fn(state.params, x_train), y_train) / len(x_train)
            print(f"Epoch: {epoch + 1}, Train loss: {train_loss:.4f}, Val accuracy: {val_acc:.4f}")

    # the MAP weights go to a torch copy for the laplace package; prior precision mirrors the decay
    la = Laplace(model, "classification", subset_of_weights=args.subset,
                 hessian_structure=args.structure, prior_precision=2 * weight_decay)
    print("prior precision", la.prior_precision)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--optimizer", type=str, default="adam")
    parser.add_argument("--subset", type=str, default="all")
    parser.add_argument("--structure", type=str, default="full")
    main(parser.parse_args())
