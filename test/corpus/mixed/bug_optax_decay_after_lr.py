# Idiom seen in: LucMc/grad_playground optim/adam.py
# What it reproduces: value-network regression for an RL agent with a chain that puts add_decayed_weights
# AFTER optax.sgd (a realistic ordering slip): the decay is added after the -lr step, so weights grow by (1+wd).
import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from absl import app, flags

from replay import load_returns_dataset  # not in this workspace

FLAGS = flags.FLAGS
flags.DEFINE_float("learning_rate", 3e-3, "SGD step size")
flags.DEFINE_float("weight_decay", 1e-4, "L2 weight decay")
flags.DEFINE_integer("num_steps", 50000, "training steps")


class ValueNet(nn.Module):
    @nn.compact
    def __call__(self, obs):
        x = nn.relu(nn.Dense(256)(obs))
        x = nn.relu(nn.Dense(256)(x))
        return nn.Dense(1)(x).squeeze(-1)


def kernel_mask(params):
    return jax.tree_util.tree_map_with_path(
        lambda path, _: path[-1].key == "kernel", params)


def main(argv):
    del argv
    net = ValueNet()
    params = net.init(jax.random.PRNGKey(0), jnp.zeros((1, 17)))
    tx = optax.chain(
        optax.sgd(FLAGS.learning_rate, momentum=0.9),
        optax.add_decayed_weights(FLAGS.weight_decay, mask=kernel_mask),  # expect: WD302
    )
    opt_state = tx.init(params)

    @jax.jit
    def update(params, opt_state, obs, returns):
        def loss_fn(p):
            return jnp.mean((net.apply(p, obs) - returns) ** 2)

        loss, grads = jax.value_and_grad(loss_fn)(params)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss

    data = load_returns_dataset("halfcheetah-medium", batch_size=256)
    for step in range(FLAGS.num_steps):
        obs, returns = next(data)
        params, opt_state, loss = update(params, opt_state, obs, returns)
        if step % 1000 == 0:
            print(step, float(loss))


if __name__ == "__main__":
    app.run(main)
