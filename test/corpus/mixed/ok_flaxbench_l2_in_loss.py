# Idiom seen in: nestordemeure/flaxOptimizersBenchmark flaxOptimizersBenchmark/training_loop/loop.py
# Idiom seen in: nestordemeure/flaxOptimizersBenchmark flaxOptimizersBenchmark/training_loop/loss.py
# What it reproduces: the benchmark's has_aux loss_fn with the L2 term added to the loss it returns
# first (the aux output only carries the batch-norm state), trained with plain Adam.
import jax
import jax.numpy as jnp
import optax
from flax import linen as nn

WEIGHT_DECAY = 5e-4


class SimpleCNN(nn.Module):
    num_classes: int = 10

    @nn.compact
    def __call__(self, x, train=True):
        x = nn.Conv(32, (3, 3))(x)
        x = nn.BatchNorm(use_running_average=not train)(x)
        x = nn.relu(x)
        x = x.reshape((x.shape[0], -1))
        return nn.log_softmax(nn.Dense(self.num_classes)(x))


def cross_entropy(logits, targets):
    nll = jnp.take_along_axis(logits, jnp.expand_dims(targets, axis=1), axis=1)
    return -jnp.mean(nll)


model = SimpleCNN()


def loss_function(variables, batch):
    inputs, labels = batch
    logits, updated_state = model.apply(variables, inputs, train=True, mutable=["batch_stats"])
    l2 = sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(variables["params"]))
    loss = cross_entropy(logits, labels) + WEIGHT_DECAY * l2
    return loss, updated_state


def training_loop(train_dataset, num_epochs=10, learning_rate=1e-3, seed=42):
    inputs, _ = next(train_dataset.as_numpy_iterator())
    variables = model.init(jax.random.PRNGKey(seed), inputs, train=False)
    tx = optax.adam(learning_rate)
    opt_state = tx.init(variables["params"])

    @jax.jit
    def train_step(variables, opt_state, batch):
        def loss_fn(params):
            return loss_function({"params": params, "batch_stats": variables["batch_stats"]}, batch)

        (loss_value, updated_state), grads = jax.value_and_grad(loss_fn, has_aux=True)(variables["params"])
        updates, opt_state = tx.update(grads, opt_state, variables["params"])
        params = optax.apply_updates(variables["params"], updates)
        return {"params": params, "batch_stats": updated_state["batch_stats"]}, opt_state, loss_value

    for _ in range(num_epochs):
        for batch in train_dataset.as_numpy_iterator():
            variables, opt_state, loss_value = train_step(variables, opt_state, batch)
    return variables
