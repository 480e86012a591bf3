# Idiom seen in: PLippmann/nanogpt-jax nanogpt/train.py
# What it reproduces: GPT-2 trainer with optax.chain(clip, inject_hyperparams(optax.adamw)(..., weight_decay=config.weight_decay, mask=...))
# under MultiSteps; the repo left the mask as a TODO (decaying LayerNorm and biases), here param_decay_mask is implemented. Clean.
import argparse
from functools import partial
from typing import Tuple

import flax
import flax.jax_utils
import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax import struct, traverse_util
from flax.training.train_state import TrainState

from model import GPT2, GPT2Config


@struct.dataclass
class TrainConfig:
    model_config: GPT2Config
    seed: int = 1337
    learning_rate: float = 6e-4
    batch_size: int = 16
    weight_decay: float = 1e-1
    train_steps: int = 300000
    grad_clip: float = 1.0
    gradient_accumulation_steps: int = 4
    warmup_steps: int = 2000
    data_dir: str = "../data/openwebtext"


def param_decay_mask(params):
    """Decay the Dense kernels only: no biases, LayerNorm scales or embeddings."""
    flat = traverse_util.flatten_dict(params)
    return traverse_util.unflatten_dict({k: k[-1] == "kernel" for k in flat})


@partial(jax.pmap, axis_name="batch", donate_argnums=(0,))
def train_step(train_state, batch, dropout_rng):
    def loss_fn(params):
        X, Y = batch
        logits = train_state.apply_fn({"params": params}, X, rngs={"dropout": dropout_rng})
        return jnp.mean(optax.softmax_cross_entropy_with_integer_labels(logits, Y))

    loss, grads = jax.value_and_grad(loss_fn)(train_state.params)
    grads = jax.lax.pmean(grads, axis_name="batch")
    loss = jax.lax.pmean(loss, axis_name="batch")
    return loss, train_state.apply_gradients(grads=grads)


def init_train_state(key, config: TrainConfig) -> Tuple[TrainState, optax.Schedule]:
    model = GPT2(config.model_config)
    params = model.init(key)["params"]
    lr_schedule = optax.warmup_cosine_decay_schedule(
        init_value=config.learning_rate * 0.1, peak_value=config.learning_rate,
        warmup_steps=config.warmup_steps, decay_steps=int(config.train_steps * 0.8),
        end_value=config.learning_rate * 0.1)
    tx = optax.chain(
        optax.clip_by_global_norm(config.grad_clip),
        optax.inject_hyperparams(optax.adamw)(
            learning_rate=lr_schedule,
            b1=0.9,
            b2=0.95,
            weight_decay=config.weight_decay,
            mask=param_decay_mask(params),
        ),
    )
    tx = optax.MultiSteps(tx, every_k_schedule=config.gradient_accumulation_steps)
    return TrainState.create(apply_fn=model.apply, params=params, tx=tx), lr_schedule


def get_batch(key, data, batch_size, block_size):
    ix = jax.random.randint(key, (batch_size,), 0, len(data) - block_size - 1)
    x = jnp.stack([data[i:i + block_size] for i in ix])
    y = jnp.stack([data[i + 1:i + block_size + 1] for i in ix])
    return x, y


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch_size", type=int, default=16)
    parser.add_argument("--learning_rate", type=float, default=6e-4)
    parser.add_argument("--weight_decay", type=float, default=1e-1)
    args = parser.parse_args()

    model_config = GPT2Config()
    config = TrainConfig(model_config=model_config, batch_size=args.batch_size,
                         learning_rate=args.learning_rate, weight_decay=args.weight_decay)
    key, init_key, dropout_key = jax.random.split(jax.random.PRNGKey(config.seed), 3)
    train_data = np.memmap(f"{config.data_dir}/train.bin", dtype=np.uint16, mode="r")

    state, lr_schedule = init_train_state(init_key, config)
    state = flax.jax_utils.replicate(state)
    n_dev = jax.device_count()
    dropout_keys = jax.random.split(dropout_key, n_dev)
    for step in range(config.train_steps):
        key, batch_key = jax.random.split(key)
        batches = [get_batch(k, train_data, config.batch_size, model_config.block_size)
                   for k in jax.random.split(batch_key, n_dev)]
        batch = jax.tree.map(lambda *x: jnp.stack(x), *batches)
        loss, state = train_step(state, batch, dropout_keys)
        if step % 100 == 0:
            print(f"step {step} loss {float(jnp.mean(loss)):.4f} lr {float(lr_schedule(step)):.2e}")
