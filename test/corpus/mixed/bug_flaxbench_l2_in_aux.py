# Idiom seen in: nestordemeure/flaxOptimizersBenchmark flaxOptimizersBenchmark/training_loop/loop.py
# Idiom seen in: nestordemeure/flaxOptimizersBenchmark flaxOptimizersBenchmark/training_loop/loss.py
# What it reproduces: the benchmark's loss_fn returns (loss, aux) to value_and_grad(has_aux=True);
# the L2 term is computed but only travels in the aux output, so it is never differentiated.
import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax import linen as nn

WEIGHT_DECAY = 5e-4


class SimpleCNN(nn.Module):
    num_classes: int = 10

    @nn.compact
    def __call__(self, x, train=True):
        x = nn.Conv(32, (3, 3))(x)
        x = nn.relu(x)
        x = nn.avg_pool(x, (2, 2), (2, 2))
        x = x.reshape((x.shape[0], -1))
        x = nn.Dense(128)(x)
        x = nn.relu(x)
        return nn.log_softmax(nn.Dense(self.num_classes)(x))


def cross_entropy(logits, targets):
    nll = jnp.take_along_axis(logits, jnp.expand_dims(targets, axis=1), axis=1)
    return -jnp.mean(nll)


model = SimpleCNN()


def loss_function(params, batch):
    inputs, labels = batch
    logits = model.apply(params, inputs)
    loss = cross_entropy(logits, labels)
    l2 = WEIGHT_DECAY * sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(params))  # expect: WD104
    return loss, {"l2": l2}


def training_loop(train_dataset, num_epochs=10, learning_rate=1e-3, seed=42):
    rng = jax.random.PRNGKey(seed)
    inputs, _ = next(train_dataset.as_numpy_iterator())
    params = model.init(rng, inputs)
    tx = optax.adam(learning_rate)
    opt_state = tx.init(params)

    @jax.jit
    def train_step(params, opt_state, batch):
        (loss_value, aux), grads = jax.value_and_grad(loss_function, has_aux=True)(params, batch)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss_value, aux

    for _ in range(num_epochs):
        for batch in train_dataset.as_numpy_iterator():
            params, opt_state, loss_value, aux = train_step(params, opt_state, batch)
            print(f"loss={np.asarray(loss_value):.4f} l2={np.asarray(aux['l2']):.4f}")
    return params
