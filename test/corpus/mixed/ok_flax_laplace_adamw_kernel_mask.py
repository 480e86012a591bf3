# Idiom seen in: Wouter-vw/DL_adv jax_version/banana_experiment.py
# What it reproduces: the same banana-dataset MAP training, written the careful way: the adamw branch
# passes mask= (kernels only) and the sgd branch really applies its decay with
# chain(add_decayed_weights(wd, mask), sgd(lr)), lr*wd = 1e-5, decay before the step. Clean.
import argparse

import jax
import jax.numpy as jnp
import numpy as np
import optax
import flax.linen as nn
from flax import traverse_util
from flax.training import train_state


class MLP(nn.Module):
    hidden_size: int
    num_output: int

    @nn.compact
    def __call__(self, x):
        x = nn.tanh(nn.Dense(self.hidden_size)(x))
        x = nn.tanh(nn.Dense(self.hidden_size)(x))
        return nn.Dense(self.num_output)(x)


def decay_mask(params):
    flat = traverse_util.flatten_dict(params)
    return traverse_util.unflatten_dict({path: path[-1] == 'kernel' for path in flat})


def create_train_state(rng, model, num_features, optimizer):
    params = model.init(rng, jnp.ones([1, num_features]))
    learning_rate = 1e-3
    if optimizer == "sgd":
        weight_decay = 1e-2
        tx = optax.chain(optax.add_decayed_weights(weight_decay, mask=decay_mask),
                         optax.sgd(learning_rate))
    else:
        weight_decay = 1e-3
        tx = optax.adamw(learning_rate, weight_decay=weight_decay, mask=decay_mask)
    return train_state.TrainState.create(apply_fn=model.apply, params=params, tx=tx), weight_decay


@jax.jit
def train_step(state, x, y):
    def loss_fn(params):
        logits = state.apply_fn(params, x)
        return jnp.sum(optax.softmax_cross_entropy_with_integer_labels(logits=logits, labels=y))

    loss, grads = jax.value_and_grad(loss_fn)(state.params)
    return state.apply_gradients(grads=grads), loss


def main(args):
    Xy = np.loadtxt("data/banana/banana.csv", delimiter=",")
    x_train = jnp.asarray(Xy[:265, :-1], dtype=jnp.float32)
    y_train = jnp.asarray(Xy[:265, -1] - 1, dtype=jnp.int32)
    model = MLP(hidden_size=16, num_output=2)
    state, weight_decay = create_train_state(jax.random.PRNGKey(args.seed), model,
                                             x_train.shape[-1], args.optimizer)
    for epoch in range(args.epochs):
        state, loss = train_step(state, x_train, y_train)
        if (epoch + 1) % 100 == 0:
            print(f"epoch {epoch + 1}: loss {float(loss) / len(x_train):.4f}")
    print("prior precision for the Laplace step:", 2 * weight_decay)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--optimizer", type=str, default="adam")
    parser.add_argument("--epochs", type=int, default=1500)
    main(parser.parse_args())
