# Idiom seen in: tinker495/JAxtar cli/train_commands/train_session.py
# Idiom seen in: tinker495/JAxtar train_util/optimizer.py
# What it reproduces: the training session that builds the masked decoupled AdamW chain from the options and
# trains a flax heuristic network with a plain regression loss (no second penalty): clean.
import jax
import jax.numpy as jnp
import optax

from config import TrainOptions
from optimizer import setup_optimizer
from neural_util.heuristic_net import HeuristicNet
from puzzle_data import make_dataset


def train(options: TrainOptions):
    key = jax.random.PRNGKey(options.seed)
    model = HeuristicNet()
    dataset = make_dataset(options.batch_size)
    sample_x, _ = next(dataset)
    variables = model.init(key, sample_x, training=False)
    params = variables["params"]
    optimizer, opt_state = setup_optimizer(
        params,
        options.num_devices,
        options.steps,
        options.optimizer,
        lr_init=options.learning_rate,
        weight_decay_size=options.weight_decay_size,
    )

    @jax.jit
    def train_step(params, opt_state, x, target):
        def loss_fn(p):
            pred = model.apply({"params": p}, x, training=True)
            return jnp.mean(optax.huber_loss(pred.squeeze(-1), target))

        loss, grads = jax.value_and_grad(loss_fn)(params)
        updates, opt_state = optimizer.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        return params, opt_state, loss

    for step in range(options.steps):
        x, target = next(dataset)
        params, opt_state, loss = train_step(params, opt_state, x, target)
        if step % 1000 == 0:
            print(step, float(loss), float(opt_state.hyperparams["learning_rate"]))
    return params


if __name__ == "__main__":
    train(TrainOptions())
