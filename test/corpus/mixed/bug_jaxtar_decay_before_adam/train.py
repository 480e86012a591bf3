# Idiom seen in: tinker495/JAxtar train_util/optimizer.py
# Idiom seen in: tinker495/JAxtar cli/train_commands/train_session.py
# What it reproduces: training script driving the chain of optimizer.py, whose add_decayed_weights runs before
# the Adam scaling (the finding is in optimizer.py); the loss itself carries no penalty.
import argparse

import jax
import jax.numpy as jnp
import optax

from optimizer import setup_optimizer
from neural_util.qfunction_net import QFunctionNet
from replay import make_replay_iterator


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=50000)
    parser.add_argument("--lr", type=float, default=3e-4)
    parser.add_argument("--weight_decay_size", type=float, default=1e-2)
    parser.add_argument("--batch_size", type=int, default=4096)
    return parser.parse_args()


def main():
    args = parse_args()
    model = QFunctionNet(action_size=12)
    data = make_replay_iterator(args.batch_size)
    x0, _ = next(data)
    params = model.init(jax.random.PRNGKey(0), x0)["params"]
    optimizer, opt_state = setup_optimizer(params, lr_init=args.lr, weight_decay_size=args.weight_decay_size)

    @jax.jit
    def step_fn(params, opt_state, x, q_target):
        def loss_fn(p):
            q = model.apply({"params": p}, x)
            return jnp.mean(optax.l2_loss(q, q_target))

        loss, grads = jax.value_and_grad(loss_fn)(params)
        updates, opt_state = optimizer.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss

    for i in range(args.steps):
        x, q_target = next(data)
        params, opt_state, loss = step_fn(params, opt_state, x, q_target)
        if i % 500 == 0:
            print(i, float(loss))


if __name__ == "__main__":
    main()
