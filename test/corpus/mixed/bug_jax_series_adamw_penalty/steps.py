# Idiom seen in: soumik12345/jax-series season_1/episode_2/jax_classification/training/steps.py
# What it reproduces: the series' hand-written L2 over tree_leaves(params), kept in the loss after the
#   optimizer became optax.adamw(weight_decay=...) in train_state.py: the kernels are decayed twice (WD201).
import jax
import jax.numpy as jnp
import optax
from flax.training import common_utils

from train_state import create_train_state
from models import ResNet18
from dataloader import get_dataset

WEIGHT_DECAY = 5e-4


def cross_entropy_loss(logits, labels, num_classes: int):
    one_hot = common_utils.onehot(labels, num_classes=num_classes)
    return jnp.mean(optax.softmax_cross_entropy(logits=logits, labels=one_hot))


def compute_decayed_weights(params, weight_decay: float):
    weights = jax.tree_util.tree_leaves(params)
    return weight_decay * 0.5 * sum(jnp.sum(w ** 2) for w in weights if w.ndim > 1)


@jax.jit
def train_step(state, batch):
    def loss_fn(params):
        logits, new_model_state = state.apply_fn(
            {"params": params, "batch_stats": state.batch_stats}, batch["image"], mutable=["batch_stats"])
        loss = cross_entropy_loss(logits, batch["label"], 10) + compute_decayed_weights(params, WEIGHT_DECAY)  # expect: WD201
        return loss, (new_model_state, logits)

    (loss, (new_model_state, logits)), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    new_state = state.apply_gradients(grads=grads, batch_stats=new_model_state["batch_stats"])
    return new_state, {"loss": loss, "accuracy": jnp.mean(jnp.argmax(logits, -1) == batch["label"])}


if __name__ == "__main__":
    state = create_train_state(jax.random.PRNGKey(0), ResNet18(num_classes=10), 32,
                               learning_rate=1e-3, weight_decay=0.05)
    for epoch in range(90):
        for batch in get_dataset(128, split="train"):
            state, metrics = train_step(state, batch)
        print(epoch, float(metrics["loss"]))
