# Idiom seen in: LucMc/continual-learning continual_learning/optim/__init__.py
# Idiom seen in: LucMc/continual-learning continual_learning/configs/optim.py
# Idiom seen in: LucMc/continual-learning continual_learning/models/mlp.py
# What it reproduces: an optimizer factory builds optax.adamw(weight_decay=config.decay) from a frozen
#   dataclass config with no mask=, so the Dense biases of the MLP are decayed too (real repo).
import time

import jax
import jax.numpy as jnp
import optax
import tyro
from chex import dataclass
from flax.training.train_state import TrainState

from configs import AdamwConfig, MLPConfig
from mlp import MLP
from optim import get_optimizer
from continual_learning.data import split_mnist_tasks  # not part of this folder


@dataclass(frozen=True)
class Args:
    seed: int = 42
    batch_size: int = 64
    num_epochs_per_task: int = 20


def make_state(key, model, tx):
    params = model.init(key, jnp.zeros((1, 784)))["params"]
    return TrainState.create(apply_fn=model.apply, params=params, tx=tx)


@jax.jit
def train_step(state, x, y):
    def loss_fn(params):
        logits = state.apply_fn({"params": params}, x)
        return optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()

    loss, grads = jax.value_and_grad(loss_fn)(state.params)
    return state.apply_gradients(grads=grads), loss


def adamw_mnist_experiment() -> None:
    args = tyro.cli(Args)
    start = time.time()
    optim_conf = AdamwConfig(learning_rate=3e-4)
    model = MLP(MLPConfig(output_size=10))
    state = make_state(jax.random.PRNGKey(args.seed), model, get_optimizer(optim_conf))
    for task_id, task in enumerate(split_mnist_tasks(args.seed, args.batch_size)):
        for _ in range(args.num_epochs_per_task):
            for x, y in task:
                state, loss = train_step(state, x, y)
        print(f"task {task_id}: loss {float(loss):.4f}")
    print(f"Training time: {time.time() - start:.2f} seconds")


if __name__ == "__main__":
    adamw_mnist_experiment()
