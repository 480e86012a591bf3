# Idiom seen in: FluxML/model-zoo pull #303 ("WeightDecay ... should always be applied before the actual
#   optimizer, otherwise their contribution to the gradient won't be multiplied by the learning rate")
# What it reproduces: a Flax ResNet/CIFAR script (ConfigDict, TrainState with batch_stats, absl main) whose
#   optimizer factory, since optax.sgd has no weight_decay argument, appends optax.add_decayed_weights AFTER
#   optax.sgd. sgd has already scaled the gradient by -lr, so +wd*params is added to the update: each step
#   multiplies the weights by (1 + wd) instead of (1 - lr*wd), wrong sign and not scaled by the lr.
# label-note: WD302 and WD203 on the add_decayed_weights line: the value 5e-4 is positive but, after sgd's
#   scale(-lr), the applied decay is negative (weights grow) - if WD302 lands on the config value line, same
#   finding; the transform has no mask, so BatchNorm scale/bias and the Dense bias are decayed too.
from typing import Any

from absl import app, logging
from flax.training import train_state
import jax
import jax.numpy as jnp
import ml_collections
import optax

import input_pipeline
from models import ResNet18


def get_config():
    config = ml_collections.ConfigDict()
    config.learning_rate, config.momentum = 0.1, 0.9
    config.weight_decay = 5e-4
    config.batch_size, config.num_epochs, config.steps_per_epoch = 128, 200, 50000 // 128
    return config


class TrainState(train_state.TrainState):
    batch_stats: Any


def create_optimizer(config):
    schedule = optax.cosine_decay_schedule(config.learning_rate, config.num_epochs * config.steps_per_epoch)
    tx = optax.sgd(schedule, momentum=config.momentum, nesterov=True)
    # optax.sgd takes no weight_decay (unlike torch.optim.SGD; AdamW has it built in), so chain it on.
    if config.weight_decay > 0:
        tx = optax.chain(tx, optax.add_decayed_weights(config.weight_decay))  # expect: WD203, WD302
    return tx


def create_train_state(rng, config):
    model = ResNet18(num_classes=10)
    variables = model.init(rng, jnp.ones((1, 32, 32, 3)), train=False)
    return TrainState.create(
        apply_fn=model.apply,
        params=variables["params"],
        batch_stats=variables["batch_stats"],
        tx=create_optimizer(config),
    )


@jax.jit
def train_step(state, images, labels):
    def loss_fn(params):
        logits, updates = state.apply_fn(
            {"params": params, "batch_stats": state.batch_stats}, images, train=True, mutable=["batch_stats"]
        )
        loss = optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()
        return loss, (logits, updates)

    (loss, (logits, updates)), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    state = state.apply_gradients(grads=grads, batch_stats=updates["batch_stats"])
    return state, {"loss": loss, "accuracy": jnp.mean(jnp.argmax(logits, -1) == labels)}


def main(_):
    config = get_config()
    state = create_train_state(jax.random.PRNGKey(0), config)
    train_ds = input_pipeline.create_split("train", batch_size=config.batch_size)
    for epoch in range(config.num_epochs):
        for step, (images, labels) in enumerate(train_ds):
            state, metrics = train_step(state, images, labels)
            if step % 100 == 0:
                logging.info("epoch %d step %d: %s", epoch, step, jax.device_get(metrics))


if __name__ == "__main__":
    app.run(main)
