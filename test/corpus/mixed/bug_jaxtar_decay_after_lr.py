# Idiom seen in: tinker495/JAxtar train_util/optimizer.py
# What it reproduces: a hand-written decoupled AdamW chain with add_decayed_weights appended after
# scale_by_learning_rate: the update has already been multiplied by -lr, so +wd*w grows the weights every
# step (decay of -wd) (user mistake in the repository's chain idiom, which puts the decay before the lr step).
import argparse

import jax
import jax.numpy as jnp
import optax
from flax.training import train_state

from neural_util.heuristic_net import HeuristicNet
from puzzle_data import make_dataset


def decay_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def adamw_cwd(learning_rate, weight_decay, mask):
    return optax.chain(
        optax.scale_by_adam(b1=0.9, b2=0.999),
        optax.scale_by_learning_rate(learning_rate),
        optax.add_decayed_weights(weight_decay, mask),  # expect: WD302
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--weight_decay", type=float, default=1e-3)
    parser.add_argument("--steps", type=int, default=20000)
    args = parser.parse_args()

    model = HeuristicNet()
    data = make_dataset(1024)
    x0, _ = next(data)
    params = model.init(jax.random.PRNGKey(0), x0, training=False)["params"]
    state = train_state.TrainState.create(
        apply_fn=model.apply,
        params=params,
        tx=adamw_cwd(args.lr, args.weight_decay, decay_mask),
    )

    @jax.jit
    def train_step(state, x, y):
        def loss_fn(p):
            pred = state.apply_fn({"params": p}, x, training=True)
            return jnp.mean(optax.huber_loss(pred.squeeze(-1), y))

        loss, grads = jax.value_and_grad(loss_fn)(state.params)
        return state.apply_gradients(grads=grads), loss

    for step in range(args.steps):
        x, y = next(data)
        state, loss = train_step(state, x, y)
        if step % 1000 == 0:
            print(step, float(loss))


if __name__ == "__main__":
    main()
