# Idiom seen in: andylolu2/idiots idiots/experiments/grokking/training.py
# What it reproduces: flax TrainState built with tx=get_optimizer(**config.opt) and a jitted train_step using
#   jax.grad(forward, has_aux=True); the loss itself has no penalty, all decay comes from the unmasked adamw.
from functools import partial

import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from flax.training import train_state

from idiots.dataset.algorithmic import binary_op_splits
from config import get_config
from optimizers import get_optimizer


class TransformerSingleOutput(nn.Module):
    d_model: int
    n_layers: int
    n_heads: int
    vocab_size: int
    max_len: int

    @nn.compact
    def __call__(self, x):
        h = nn.Embed(self.vocab_size, self.d_model)(x)
        h = h + self.param("pos_embed", nn.initializers.normal(0.02), (self.max_len, self.d_model))
        for _ in range(self.n_layers):
            a = nn.SelfAttention(num_heads=self.n_heads)(nn.LayerNorm()(h))
            h = h + a
            m = nn.Dense(4 * self.d_model)(nn.LayerNorm()(h))
            h = h + nn.Dense(self.d_model)(nn.gelu(m))
        h = nn.LayerNorm()(h[:, -1])
        return nn.Dense(self.vocab_size)(h)


class TrainState(train_state.TrainState):
    ...


@partial(jax.jit, static_argnums=(2,))
def train_step(state: TrainState, batch, loss_variant: str):
    def forward(params, x, y):
        y_pred = state.apply_fn(params, x)
        losses = optax.softmax_cross_entropy_with_integer_labels(y_pred, y)
        return jnp.mean(losses), (losses, y_pred)

    grads, (losses, y_pred) = jax.grad(forward, has_aux=True)(state.params, batch["x"], batch["y"])
    updates, new_opt_state = state.tx.update(grads, state.opt_state, state.params)
    new_params = optax.apply_updates(state.params, updates)
    new_state = state.replace(step=state.step + 1, params=new_params, opt_state=new_opt_state)
    logs = {
        "loss": losses,
        "accuracy": jnp.argmax(y_pred, axis=-1) == batch["y"],
        "weight_norm": optax.global_norm(state.params),
    }
    return new_state, logs


def init_state(config, example_x, num_classes):
    model = TransformerSingleOutput(
        d_model=config.model.d_model,
        n_layers=config.model.n_layers,
        n_heads=config.model.n_heads,
        vocab_size=num_classes,
        max_len=example_x.shape[1],
    )
    params = model.init(jax.random.PRNGKey(config.seed), example_x)
    tx = get_optimizer(**config.opt)
    return TrainState.create(apply_fn=model.apply, params=params, tx=tx)


def main():
    config = get_config()
    ds_train, ds_test = binary_op_splits(config.task, config.train_percentage, config.seed)
    state = init_state(config, ds_train["x"][:1], ds_train.features["y"].num_classes)
    for step, batch in enumerate(ds_train.iter(batch_size=config.train_batch_size)):
        state, logs = train_step(state, batch, config.loss_variant)
        if step % config.log_every == 0:
            print(step, float(jnp.mean(logs["loss"])), float(jnp.mean(logs["accuracy"])))
        if step >= config.steps:
            break


if __name__ == "__main__":
    main()
