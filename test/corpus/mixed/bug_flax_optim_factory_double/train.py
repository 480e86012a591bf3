# Idiom seen in: NobuoTsukamoto/jax_examples classification/train.py (l2 weight decay added in PR #5)
# What it reproduces: train_step's loss_fn adds a hand-written 0.5 * l2_weight_decay * sum(k**2) over kernels (ndim > 1) whenever config.l2_weight_decay > 0, while create_train_state takes its optimizer from common/optimizer.py. Bug: with the adamw config that optimizer already decays the same kernels decoupled, so they are decayed twice (WD201).
import functools

import jax
import jax.numpy as jnp
import optax
from flax.training import train_state

from common.optimizer import create_learning_rate_fn, create_optimizer
from models import create_model


def cross_entropy_loss(logits, labels, num_classes, label_smoothing):
    one_hot = optax.smooth_labels(jax.nn.one_hot(labels, num_classes), label_smoothing)
    return jnp.mean(optax.softmax_cross_entropy(logits=logits, labels=one_hot))


def train_step(state, batch, rng, num_classes, label_smoothing, l2_weight_decay):
    dropout_rng, next_rng = jax.random.split(rng)

    def loss_fn(params):
        logits = state.apply_fn({"params": params}, batch["image"], rngs={"dropout": dropout_rng})
        loss = cross_entropy_loss(logits, batch["label"], num_classes, label_smoothing)
        if l2_weight_decay > 0.0:
            kernels = [x for x in jax.tree_util.tree_leaves(params) if x.ndim > 1]
            loss = loss + l2_weight_decay * 0.5 * sum(jnp.sum(k ** 2) for k in kernels)  # expect: WD201
        return loss, logits

    (loss, logits), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    grads = jax.lax.pmean(grads, axis_name="batch")
    new_state = state.apply_gradients(grads=grads)
    metrics = {"loss": loss, "accuracy": jnp.mean(jnp.argmax(logits, -1) == batch["label"])}
    return new_state, jax.lax.pmean(metrics, axis_name="batch"), next_rng


def create_train_state(rng, config, model, learning_rate_fn):
    params = model.init(rng, jnp.ones((1, config.image_size, config.image_size, 3)))["params"]
    tx = create_optimizer(config, learning_rate_fn)
    return train_state.TrainState.create(apply_fn=model.apply, params=params, tx=tx)


def train_and_evaluate(config, workdir, train_iter, steps_per_epoch):
    model = create_model(config)
    learning_rate_fn = create_learning_rate_fn(config, steps_per_epoch)
    state = create_train_state(jax.random.PRNGKey(0), config, model, learning_rate_fn)
    state = jax.device_put_replicated(state, jax.local_devices())
    p_train_step = jax.pmap(
        functools.partial(train_step, num_classes=config.num_classes,
                          label_smoothing=config.label_smoothing,
                          l2_weight_decay=config.l2_weight_decay),
        axis_name="batch")
    rngs = jax.random.split(jax.random.PRNGKey(1), jax.local_device_count())
    for step in range(int(config.num_epochs * steps_per_epoch)):
        state, metrics, rngs = p_train_step(state, next(train_iter), rngs)
        if step % config.log_every_steps == 0:
            print(step, jax.device_get(metrics["loss"])[0])
    return state
