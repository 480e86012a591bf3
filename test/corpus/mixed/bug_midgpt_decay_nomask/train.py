# Idiom seen in: AllanYangZhou/midGPT src/train.py
# What it reproduces: midGPT's optimizer: an optax chain (clip, scale_by_adam, add_decayed_weights with the
# "independent" decay weight_decay / learning_rate, schedule, scale(-1)) built without a mask, so the decoupled
# decay also shrinks every RMSNorm weight and the tied embedding (a real omission in the repo).

import typing as tp
from dataclasses import dataclass
import os

import equinox as eqx
import jax
import numpy as np
import optax
from tqdm import trange

from model import GPT, GPTConfig, count_params

jnp, jrandom, vmap, jtu = jax.numpy, jax.random, jax.vmap, jax.tree_util


@dataclass
class ExperimentConfig:
    rundir: str  # Directory containing ckpts and logs.
    data_dir: str  # Dataset directory
    learning_rate: float
    batch_size: int
    warmup_steps: int
    min_lr: float  # Final LR after decay
    lr_decay_steps: int
    max_steps: int  # No. of grad steps
    beta2: float
    weight_decay: float
    eval_interval: int
    model_config: GPTConfig
    debug: bool = False


def get_batch(data, block_size: int, batch_size: int) -> tp.Tuple[np.ndarray, np.ndarray]:
    ix = np.random.randint(0, len(data) - block_size, size=(batch_size,))
    x = np.take(data, np.arange(block_size) + ix[:, None], axis=0).astype(np.int32)
    y = np.take(data, np.arange(1, block_size + 1) + ix[:, None], axis=0).astype(np.int32)
    return x, y


def make_training_fns(config: ExperimentConfig, optimizer: optax.GradientTransformation):
    def loss_fn(params, static, x, y):
        model = eqx.combine(params, static)
        logits = vmap(model)(x).astype(jnp.float32)
        return optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()

    @eqx.filter_jit
    def step(model, opt_state, x, y):
        params, static = eqx.partition(model, eqx.is_array)
        loss, grad = jax.value_and_grad(loss_fn)(params, static, x, y)
        updates, opt_state = optimizer.update(grad, opt_state, params)
        model = eqx.combine(optax.apply_updates(params, updates), static)
        return model, opt_state, loss

    @eqx.filter_jit
    def simple_loss(model, x, y):
        params, static = eqx.partition(model, eqx.is_array)
        return loss_fn(params, static, x, y)

    def evaluate(model, data) -> float:
        tot = 0.0
        n = 1 if config.debug else 200
        for _ in range(n):
            x, y = get_batch(data, config.model_config.block_size, config.batch_size)
            tot += simple_loss(model, jnp.asarray(x), jnp.asarray(y)).item()
        return tot / n

    return step, evaluate


def train(config: ExperimentConfig):
    train_data = np.memmap(os.path.join(config.data_dir, 'train.bin'), dtype=np.uint16, mode='r')
    val_data = np.memmap(os.path.join(config.data_dir, 'val.bin'), dtype=np.uint16, mode='r')

    scheduler = optax.warmup_cosine_decay_schedule(
        0, config.learning_rate, config.warmup_steps, config.lr_decay_steps, end_value=config.min_lr)
    optimizer = optax.chain(
        optax.clip_by_global_norm(1.0),
        optax.scale_by_adam(b2=config.beta2),
        optax.add_decayed_weights(config.weight_decay / config.learning_rate),  # expect: WD203
        optax.scale_by_schedule(scheduler),
        optax.scale(-1),
    )
    step, evaluate = make_training_fns(config, optimizer)

    key = jrandom.PRNGKey(0)
    key, key1 = jrandom.split(key)
    model = GPT(config.model_config, key1)
    print(f'Model has {count_params(model)} parameters.')
    opt_state = optimizer.init(eqx.filter(model, eqx.is_array))

    postfix = {}
    pbar = trange(config.max_steps)
    for itr in pbar:
        if itr % config.eval_interval == 0:
            postfix['train_loss'] = evaluate(model, train_data)
            postfix['val_loss'] = evaluate(model, val_data)
        x, y = get_batch(train_data, config.model_config.block_size, config.batch_size)
        model, opt_state, loss = step(model, opt_state, jnp.asarray(x), jnp.asarray(y))
        postfix['loss'] = loss.item()
        postfix['lr'] = float(scheduler(itr))
        pbar.set_postfix(**postfix)
    pbar.close()
    return model
