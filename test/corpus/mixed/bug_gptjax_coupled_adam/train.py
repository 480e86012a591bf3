# Idiom seen in: jenkspt/gpt-jax train.py
# Idiom seen in: jenkspt/gpt-jax model.py
# What it reproduces: the config says "adamw optimizer", but init_train_state chains optax.add_decayed_weights(weight_decay, mask=...)
# in front of optax.adam: the decay joins the gradient before the adaptive scaling, i.e. coupled L2 (WD202, as in the repo; the mask is fine).
from dataclasses import asdict, dataclass, field
from functools import partial
from typing import Tuple

import flax
import jax
import jax.numpy as jnp
import optax
import tyro
from flax.core import FrozenDict, frozen_dict
from flax.jax_utils import replicate
from flax.training.train_state import TrainState

from dataset import get_dataset
from model import GPT, GPTConfig


@dataclass(frozen=True)
class CosineDecayScheduleConfig:
    init_value: float = 0.0
    peak_value: float = 2.5e-4
    warmup_steps: int = 2000
    decay_steps: int = 150000
    end_value: float = 1e-5


@dataclass(frozen=True)
class TrainConfig:
    seed: int = 555
    train_pattern: str = "train_??.tfrecord"
    batch_size: int = 16
    # adamw optimizer
    train_steps: int = 150000
    weight_decay: float = 1e-2
    betas: Tuple[float, float] = (0.9, 0.95)
    learning_rate: CosineDecayScheduleConfig = field(default_factory=CosineDecayScheduleConfig)
    model: GPTConfig = field(default_factory=GPTConfig)


@partial(jax.pmap, axis_name="batch")
def train_step(state: TrainState, tokens: jnp.ndarray, dropout_key):
    dropout_key = jax.random.fold_in(dropout_key, state.step)

    def loss_fn(params: FrozenDict) -> jnp.ndarray:
        X, Y = tokens[:, :-1], tokens[:, 1:]
        logits = state.apply_fn(params, X, False, rngs={"dropout": dropout_key})
        return optax.softmax_cross_entropy_with_integer_labels(logits, Y).mean()

    loss, grads = jax.value_and_grad(loss_fn)(state.params)
    grads = jax.lax.pmean(grads, axis_name="batch")
    loss = jax.lax.pmean(loss, axis_name="batch")
    return loss, state.apply_gradients(grads=grads)


def param_decay_mask(params: FrozenDict) -> FrozenDict:
    """pytree mask for non-bias parameters"""
    flat_params = flax.traverse_util.flatten_dict(params)
    flat_mask = {k: k[-1] not in ("bias", "embedding", "scale") for k in flat_params.keys()}
    return frozen_dict.freeze(flax.traverse_util.unflatten_dict(flat_mask))


def init_train_state(key, config: GPTConfig, optimizer, weight_decay=1e-2) -> TrainState:
    model = GPT(config)
    params = model.init(key)
    optimizer = optax.chain(
        # Apply weight decay only to non-bias parameters
        optax.add_decayed_weights(weight_decay, mask=param_decay_mask(params)),  # expect: WD202
        optimizer,
    )
    return TrainState.create(apply_fn=model.apply, params=params, tx=optimizer)


if __name__ == "__main__":
    config = tyro.cli(TrainConfig)
    train_ds = get_dataset(config.train_pattern, config.batch_size, config.model.block_size, 128, seed=config.seed)
    learning_rate = optax.warmup_cosine_decay_schedule(**asdict(config.learning_rate))

    key = jax.random.PRNGKey(config.seed)
    key, key_params, key_dropout = jax.random.split(key, 3)
    keys_dropout = jax.random.split(key_dropout, jax.local_device_count())

    optimizer = optax.adam(learning_rate, *config.betas)
    train_state = init_train_state(key_params, config.model, optimizer, config.weight_decay)
    train_state = replicate(train_state)

    train_iter = iter(train_ds)
    for step in range(config.train_steps):
        tokens = next(train_iter)._numpy()
        loss, train_state = train_step(train_state, tokens, keys_dropout)
        if step % 100 == 0:
            print(step, float(loss[0]))
