# Idiom seen in: soumik12345/jax-series season_1/episode_2/jax_classification/training/steps.py
# What it reproduces: weight decay written by hand over jax.tree_util.tree_leaves(params) (kernels only,
#   ndim > 1), added to the cross entropy inside loss_fn, whose first output value_and_grad differentiates.
#   Clean: the optimizer (train_state.py) has no decay of its own.
import jax
import jax.numpy as jnp
import optax
from flax.training import common_utils


def cross_entropy_loss(logits, labels, num_classes: int):
    one_hot = common_utils.onehot(labels, num_classes=num_classes)
    return jnp.mean(optax.softmax_cross_entropy(logits=logits, labels=one_hot))


def compute_decayed_weights(params, weight_decay: float):
    weights = jax.tree_util.tree_leaves(params)
    l2 = sum(jnp.sum(w ** 2) for w in weights if w.ndim > 1)
    return weight_decay * 0.5 * l2


def train_step(state, batch, lr_schedule, weight_decay: float, num_classes: int):
    def loss_fn(params):
        logits, new_model_state = state.apply_fn(
            {"params": params, "batch_stats": state.batch_stats},
            batch["image"],
            mutable=["batch_stats"],
        )
        weight_penalty = compute_decayed_weights(params, weight_decay)
        loss = cross_entropy_loss(logits, batch["label"], num_classes) + weight_penalty
        return loss, (new_model_state, logits)

    grad_fn = jax.value_and_grad(loss_fn, has_aux=True)
    (loss, (new_model_state, logits)), grads = grad_fn(state.params)
    grads = jax.lax.pmean(grads, axis_name="batch")
    accuracy = jax.lax.pmean(jnp.mean(jnp.argmax(logits, -1) == batch["label"]), axis_name="batch")
    new_state = state.apply_gradients(grads=grads, batch_stats=new_model_state["batch_stats"])
    return new_state, {"loss": loss, "accuracy": accuracy, "learning_rate": lr_schedule(state.step)}
