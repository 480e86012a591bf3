# Idiom seen in: OsaRobots/lbd src/models/main_mlp.py
# What it reproduces: a flax nnx MLP trained with nnx.Optimizer(model, optax.adamw(lr, momentum, weight_decay=...))
#   whose loss_fn also adds l2_reg * sum of squares of every nnx.Param: the same weights are decayed twice,
#   and adamw has no mask, so the Linear biases are decayed as well.
from typing import Callable

import jax
import jax.numpy as jnp
import optax
import tensorflow as tf
from flax import nnx


class MLP(nnx.Module):
    def __init__(self, hidden_dims, rngs: nnx.Rngs, activation: Callable = nnx.relu):
        self.mlp = nnx.Sequential(
            nnx.Linear(hidden_dims, hidden_dims, rngs=rngs),
            activation,
            nnx.Dropout(rate=.1, rngs=rngs),
            nnx.Linear(hidden_dims, hidden_dims, rngs=rngs),
            nnx.Dropout(rate=.1, rngs=rngs),
        )

    def __call__(self, x):
        return self.mlp(x)


class MLPModel(nnx.Module):
    def __init__(self, in_dims, hidden_dims, out_dims, rngs: nnx.Rngs, activation: Callable = nnx.relu):
        self.initial_linear = nnx.Linear(in_dims, hidden_dims, rngs=rngs)
        self.activation = activation
        self.block = MLP(hidden_dims, rngs)
        self.out_layer = nnx.Linear(hidden_dims, out_dims, rngs=rngs)

    def __call__(self, x):
        z = self.activation(self.initial_linear(x))
        z = self.block(z)
        return self.out_layer(z)


if __name__ == '__main__':
    rngs = nnx.Rngs(0)
    in_dims, hidden_dims, out_dims = 41, 10, 20
    learning_rate = 0.005
    momentum = 0.9
    weight_decay = 0.01
    l2_reg = 1e-4
    batch_size = 32
    train_steps = 5000

    model = MLPModel(in_dims, hidden_dims, out_dims, rngs)
    optimizer = nnx.Optimizer(model, optax.adamw(learning_rate,
                                                 momentum,
                                                 weight_decay=weight_decay))  # expect: WD203
    metrics = nnx.MultiMetric(accuracy=nnx.metrics.Accuracy(), loss=nnx.metrics.Average('loss'))

    def loss_fn(model: MLPModel, batch):
        logits = model(batch['inputs'])
        loss = optax.softmax_cross_entropy(logits=logits, labels=batch['targets']).mean()
        params = nnx.state(model, nnx.Param)
        l2 = sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(params))  # expect: WD201
        loss = loss + l2_reg * l2
        return loss, logits

    @nnx.jit
    def train_step(model: MLPModel, optimizer: nnx.Optimizer, metrics: nnx.MultiMetric, batch):
        grad_fn = nnx.value_and_grad(loss_fn, has_aux=True)
        (loss, logits), grads = grad_fn(model, batch)
        metrics.update(loss=loss, logits=logits, labels=jnp.argmax(batch['targets'], axis=-1))
        optimizer.update(grads)

    mlp_ds = tf.data.Dataset.load('./data/mlp_tf_dataset')
    train_ds = mlp_ds.repeat().shuffle(1024).batch(batch_size, drop_remainder=True).take(train_steps)
    for step, batch in enumerate(train_ds.as_numpy_iterator()):
        train_step(model, optimizer, metrics, batch)
        if step % 500 == 0:
            print(step, {k: float(v) for k, v in metrics.compute().items()})
            metrics.reset()
