# Idiom seen in: RobvanGastel/jax-cifar10-airbench airbench94_adamw_jax.py
# What it reproduces: the same flax ResNet-18/CIFAR-10 port, switched back to airbench's Nesterov SGD: decay is added
# before the SGD step (coupled L2, the PyTorch SGD(weight_decay) behaviour) with a mask that keeps BatchNorm
# scales/biases and the head bias out, peak lr 0.2 * wd 5e-4: clean.

from math import ceil
from typing import Any

import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from flax.core import FrozenDict
from flax.training import train_state

from cifar_loader import CifarLoader


class BasicBlock(nn.Module):
    features: int
    stride: int = 1

    @nn.compact
    def __call__(self, x, train: bool):
        residual = x
        x = nn.Conv(self.features, (3, 3), self.stride, padding="SAME", use_bias=False)(x)
        x = nn.relu(nn.BatchNorm(use_running_average=not train, momentum=0.9)(x))
        x = nn.Conv(self.features, (3, 3), 1, padding="SAME", use_bias=False)(x)
        x = nn.BatchNorm(use_running_average=not train, momentum=0.9)(x)
        if residual.shape != x.shape:
            residual = nn.Conv(self.features, (1, 1), self.stride, use_bias=False)(residual)
            residual = nn.BatchNorm(use_running_average=not train, momentum=0.9)(residual)
        return nn.relu(x + residual)


class ResNet18(nn.Module):
    num_classes: int = 10

    @nn.compact
    def __call__(self, x, train: bool):
        x = nn.Conv(64, (3, 3), 1, padding="SAME", use_bias=False)(x)
        x = nn.relu(nn.BatchNorm(use_running_average=not train)(x))
        for features, stride in [(64, 1), (128, 2), (256, 2), (512, 2)]:
            x = BasicBlock(features, stride)(x, train)
            x = BasicBlock(features, 1)(x, train)
        return nn.Dense(self.num_classes)(jnp.mean(x, axis=(1, 2)))


class TrainState(train_state.TrainState):
    batch_stats: FrozenDict[str, Any]


def decay_mask(params):
    # kernels only: BatchNorm scale/bias and the Dense bias are 1-D
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def main(model, epochs=20, batch_size=1024, peak_lr=0.2, weight_decay=5e-4):
    train_loader = CifarLoader("cifar10", train=True, batch_size=batch_size, aug=dict(flip=True, translate=2))
    total_steps = ceil(epochs * len(train_loader))

    variables = model.init(jax.random.PRNGKey(0), jnp.ones((1, 32, 32, 3)), train=True)
    schedule = optax.linear_onecycle_schedule(total_steps, peak_value=peak_lr, pct_start=0.25)
    tx = optax.chain(
        optax.add_decayed_weights(weight_decay, mask=decay_mask),
        optax.sgd(schedule, momentum=0.85, nesterov=True),
    )
    state = TrainState.create(apply_fn=model.apply, params=variables["params"], tx=tx,
                              batch_stats=variables["batch_stats"])

    @jax.jit
    def train_step(state, images, labels):
        def loss_fn(params):
            logits, updates = state.apply_fn({"params": params, "batch_stats": state.batch_stats},
                                             images, train=True, mutable=["batch_stats"])
            smoothed = optax.smooth_labels(jax.nn.one_hot(labels, 10), 0.2)
            return optax.softmax_cross_entropy(logits, smoothed).mean(), updates

        (loss, updates), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
        state = state.apply_gradients(grads=grads).replace(batch_stats=updates["batch_stats"])
        return state, loss

    for epoch in range(epochs):
        for images, labels in train_loader:
            images = jnp.array(images.cpu().numpy()).transpose(0, 2, 3, 1)
            state, loss = train_step(state, images, jnp.array(labels.cpu().numpy()))
        print(f"epoch {epoch}: loss {float(loss):.4f}")
    return state


if __name__ == "__main__":
    main(ResNet18())
