# Idiom seen in: SimonKoop/common_jax_utils src/common_jax_utils/masks.py
# Idiom seen in: SimonKoop/common_jax_utils src/common_jax_utils/optimizer_factory.py
# What it reproduces: decoupled AdamW through optax.inject_hyperparams with mask= built by
#   tree_map_with_path (only 'kernel' leaves decay); the loss is the bare cross entropy; clean.
from typing import Any

import jax
import jax.numpy as jnp
import optax
from flax.training import train_state

from config import get_config
from model import CNN
import input_pipeline


class TrainState(train_state.TrainState):
    batch_stats: Any


def kernel_mask(params):
    return jax.tree_util.tree_map_with_path(
        lambda path, _: getattr(path[-1], "key", None) == "kernel", params)


def create_train_state(rng, config, steps_per_epoch):
    model = CNN()
    variables = model.init(rng, jnp.ones((1, 32, 32, 3)), train=False)
    schedule = optax.warmup_cosine_decay_schedule(
        0.0, config.learning_rate, config.warmup_epochs * steps_per_epoch,
        config.num_epochs * steps_per_epoch)
    tx = optax.inject_hyperparams(optax.adamw)(
        learning_rate=schedule, weight_decay=config.weight_decay, mask=kernel_mask)
    return TrainState.create(apply_fn=model.apply, params=variables["params"],
                             batch_stats=variables["batch_stats"], tx=tx)


@jax.jit
def train_step(state, images, labels):
    def loss_fn(params):
        logits, updates = state.apply_fn(
            {"params": params, "batch_stats": state.batch_stats}, images,
            train=True, mutable=["batch_stats"])
        loss = optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()
        return loss, updates

    (loss, updates), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    state = state.apply_gradients(grads=grads, batch_stats=updates["batch_stats"])
    return state, loss


def main():
    config = get_config()
    train_ds, steps_per_epoch = input_pipeline.create_split("train", config.batch_size)
    state = create_train_state(jax.random.PRNGKey(0), config, steps_per_epoch)
    for epoch in range(config.num_epochs):
        for images, labels in train_ds:
            state, loss = train_step(state, images, labels)
        print("epoch", epoch, "loss", float(loss),
              "lr", float(state.opt_state.hyperparams["learning_rate"]))


if __name__ == "__main__":
    main()
