# Idiom seen in: SimonKoop/common_jax_utils src/common_jax_utils/optimizer_factory.py
# What it reproduces: adamw with mask=weight_matrix_mask (a function of the params), so only the
#   weight matrices are decayed, decoupled from Adam's scaling; the loss has no extra penalty; clean.
import equinox as eqx
import jax
import jax.numpy as jnp
import optax

import config
from masks import weight_matrix_mask
from model import Classifier
from input_pipeline import make_batches


def build_optimizer():
    return optax.adamw(
        learning_rate=config.LEARNING_RATE,
        weight_decay=config.WEIGHT_DECAY,
        mask=weight_matrix_mask,
    )


@eqx.filter_jit
def step(model, opt_state, optim, x, y):
    def loss_fn(m):
        logits = jax.vmap(m)(x)
        return optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()

    loss, grads = eqx.filter_value_and_grad(loss_fn)(model)
    updates, opt_state = optim.update(grads, opt_state, eqx.filter(model, eqx.is_array))
    return eqx.apply_updates(model, updates), opt_state, loss


def main():
    key = jax.random.PRNGKey(0)
    model = Classifier(784, config.WIDTH, 10, key)
    optim = build_optimizer()
    opt_state = optim.init(eqx.filter(model, eqx.is_array))
    for i, (x, y) in enumerate(make_batches(config.BATCH_SIZE)):
        if i >= config.NUM_STEPS:
            break
        model, opt_state, loss = step(model, opt_state, optim, jnp.asarray(x), jnp.asarray(y))
        if i % 1000 == 0:
            print(i, float(loss))


if __name__ == "__main__":
    main()
