# Idiom seen in: sseung0703/Lightweighting_Cookbook op_utils.py
# What it reproduces: Flax/optax training utilities where the L2 decay is applied to the gradients
#   (grad + wd * param) after the cross-replica mean, before a Nesterov optax.sgd. Clean: one decay,
#   applied to what the optimizer steps on; the loss itself carries no penalty.
from typing import Any

import jax
import jax.numpy as jnp
import optax
from flax import jax_utils
from flax.training import common_utils, train_state


class TrainState(train_state.TrainState):
    batch_stats: Any


def initialized(key, input_size, model):
    variables = jax.jit(model.init)({"params": key}, jnp.ones((1, *input_size), model.dtype))
    return variables["params"], variables["batch_stats"]


def l2_weight_decay(params, grads, weight_decay):
    params_flat, treedef = jax.tree_util.tree_flatten(params)
    grads_flat = treedef.flatten_up_to(grads)
    grads_flat = [g + p * weight_decay for p, g in zip(params_flat, grads_flat)]
    return jax.tree_util.tree_unflatten(treedef, grads_flat)


def create_train_state(rng, model, input_size, learning_rate_fn):
    params, batch_stats = initialized(rng, input_size, model)
    tx = optax.sgd(learning_rate=learning_rate_fn, momentum=0.9, nesterov=True)
    state = TrainState.create(apply_fn=model.apply, params=params, tx=tx, batch_stats=batch_stats)
    return jax_utils.replicate(state)


def create_train_step(weight_decay):
    def train_step(state, batch):
        def forward(params):
            variables = {"params": params, "batch_stats": state.batch_stats}
            logits, new_state = state.apply_fn(variables, batch["image"], mutable=["batch_stats"])
            one_hot = common_utils.onehot(batch["label"], num_classes=logits.shape[-1])
            loss = jnp.mean(optax.softmax_cross_entropy(logits=logits, labels=one_hot))
            return loss, (new_state, logits)

        (loss, (new_state, logits)), grads = jax.value_and_grad(forward, has_aux=True)(state.params)
        grads = jax.lax.pmean(grads, axis_name="batch")
        grads = l2_weight_decay(state.params, grads, weight_decay)
        new_state = state.apply_gradients(grads=grads, batch_stats=new_state["batch_stats"])
        metrics = {"loss": loss, "accuracy": jnp.mean(jnp.argmax(logits, -1) == batch["label"]) * 100}
        return new_state, jax.lax.pmean(metrics, axis_name="batch")

    return jax.pmap(train_step, axis_name="batch")
