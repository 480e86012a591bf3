# Idiom seen in: RobvanGastel/jax-cifar10-airbench airbench94_adamw_jax.py
# What it reproduces: the JAX/flax port of airbench (ResNet-18 with BatchNorm, TrainState with batch_stats);
# optax.adamw gets wd = 2e-6 * batch_size without a mask, so the decoupled decay also pulls every BatchNorm
# scale/bias and the classifier bias towards zero (as in the repo).

import time
from math import ceil
from typing import Any

import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from flax.core import FrozenDict
from flax.training import checkpoints, train_state

from cifar_loader import CifarLoader


class BasicBlock(nn.Module):
    features: int
    stride: int = 1

    @nn.compact
    def __call__(self, x, train: bool):
        residual = x
        x = nn.Conv(self.features, (3, 3), self.stride, padding="SAME", use_bias=False)(x)
        x = nn.BatchNorm(use_running_average=not train, momentum=0.9, epsilon=1e-5)(x)
        x = nn.relu(x)
        x = nn.Conv(self.features, (3, 3), 1, padding="SAME", use_bias=False)(x)
        x = nn.BatchNorm(use_running_average=not train, momentum=0.9, epsilon=1e-5)(x)
        if residual.shape != x.shape:
            residual = nn.Conv(self.features, (1, 1), self.stride, use_bias=False)(residual)
            residual = nn.BatchNorm(use_running_average=not train, momentum=0.9, epsilon=1e-5)(residual)
        return nn.relu(x + residual)


class ResNet18(nn.Module):
    num_classes: int = 10

    @nn.compact
    def __call__(self, x, train: bool):
        x = nn.Conv(64, (3, 3), 1, padding="SAME", use_bias=False)(x)
        x = nn.BatchNorm(use_running_average=not train)(x)
        x = nn.relu(x)
        for features, stride in [(64, 1), (128, 2), (256, 2), (512, 2)]:
            x = BasicBlock(features, stride)(x, train)
            x = BasicBlock(features, 1)(x, train)
        x = jnp.mean(x, axis=(1, 2))  # global average pool
        return nn.Dense(self.num_classes)(x)


class TrainState(train_state.TrainState):
    batch_stats: FrozenDict[str, Any]


def main(run, model):
    batch_size = 2000
    wd = 2e-6 * batch_size

    test_loader = CifarLoader("cifar10", train=False, batch_size=2000)
    train_loader = CifarLoader("cifar10", train=True, batch_size=batch_size, aug=dict(flip=True, translate=2))
    total_train_steps = ceil(20 * len(train_loader))

    rng = jax.random.PRNGKey(0)
    variables = model.init(rng, jnp.ones((1, 32, 32, 3)), train=True)
    tx = optax.adamw(learning_rate=0.001, weight_decay=wd)  # expect: WD203

    state = TrainState.create(
        apply_fn=model.apply,
        params=variables["params"],
        tx=tx,
        batch_stats=variables.get("batch_stats", {}),
    )

    @jax.jit
    def train_step(state, images, labels):
        def loss_fn(params):
            logits, new_model_state = state.apply_fn(
                {"params": params, "batch_stats": state.batch_stats},
                images, train=True, mutable=["batch_stats"])
            loss = optax.softmax_cross_entropy_with_integer_labels(logits=logits, labels=labels).mean()
            return loss, new_model_state

        (loss, new_model_state), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
        state = state.apply_gradients(grads=grads)
        state = state.replace(batch_stats=new_model_state["batch_stats"])
        return state, loss

    @jax.jit
    def eval_step(state, images, labels):
        logits = state.apply_fn({"params": state.params, "batch_stats": state.batch_stats}, images, train=False)
        return jnp.mean(jnp.argmax(logits, -1) == labels)

    start = time.perf_counter()
    for epoch in range(ceil(total_train_steps / len(train_loader))):
        for images, labels in train_loader:
            images = jnp.array(images.cpu().numpy()).transpose(0, 2, 3, 1)
            labels = jnp.array(labels.cpu().numpy())
            state, loss = train_step(state, images, labels)
    print(f"[{run}] training time: {time.perf_counter() - start:.1f}s")
    checkpoints.save_checkpoint(ckpt_dir="model_0", target=state, step=epoch, overwrite=True)

    accs = []
    for images, labels in test_loader:
        images = jnp.array(images.cpu().numpy()).transpose(0, 2, 3, 1)
        accs.append(eval_step(state, images, jnp.array(labels.cpu().numpy())))
    print(f"val acc {jnp.mean(jnp.array(accs)):.3f}")


if __name__ == "__main__":
    main("warmup", ResNet18())
