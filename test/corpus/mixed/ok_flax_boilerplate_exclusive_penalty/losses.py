# Idiom seen in: NishantPrabhu/JAX-boilerplate train.py
# Idiom seen in: NishantPrabhu/JAX-boilerplate losses.py
# What it reproduces: flax Trainer whose loss_fn adds an explicit L2 on the kernels only when --optim is sgd (plain optax.sgd, no decay),
# while the adam branch uses optax.adamw with a kernel mask; the two decays never meet. Clean (the repo adamw had no mask; here it does).
import jax.numpy as jnp
import optax
from flax.training import common_utils


def cross_entropy_loss(logits, labels):
    onehot_labels = common_utils.onehot(labels, num_classes=logits.shape[-1])
    loss = optax.softmax_cross_entropy(logits=logits, labels=onehot_labels)
    return jnp.mean(loss)
