# Idiom seen in: weirayao/BDM train_flax.py
# Idiom seen in: weirayao/BDM models_flax/train_state.py
# What it reproduces: the TrainState.create(..., tx=...) + has_aux train step of that repo with a
#   decoupled optax.adamw whose mask (flax traverse_util) skips biases and LayerNorm scales; the
#   loss has no penalty of its own. Clean.
import argparse

import jax
import jax.numpy as jnp
import optax
from flax import traverse_util

from models_flax import BD3LMConfig, BD3LMFlax, get_noise_schedule
from models_flax.losses import diffusion_loss
from models_flax.train_state import TrainState


def decay_mask_fn(params):
    flat = traverse_util.flatten_dict(params)
    mask = {path: (path[-1] != "bias" and path[-2:] != ("LayerNorm", "scale")) for path in flat}
    return traverse_util.unflatten_dict(mask)


def make_tx(lr, wd, warmup, total):
    schedule = optax.warmup_cosine_decay_schedule(0.0, lr, warmup, total)
    return optax.chain(
        optax.clip_by_global_norm(1.0),
        optax.adamw(schedule, b1=0.9, b2=0.98, weight_decay=wd, mask=decay_mask_fn),
    )


def create_train_step(cfg, noise_schedule):
    model = BD3LMFlax(cfg)

    def train_step(state, batch, rng):
        def loss_fn(params):
            loss, metrics, new_mutables = diffusion_loss(cfg, model, params, noise_schedule, batch, rng)
            return loss, (metrics, new_mutables)

        (loss, (metrics, new_mutables)), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
        state = state.apply_gradients(grads=grads, mutable_state=new_mutables)
        return state, loss, metrics

    return jax.jit(train_step)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=1000)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--weight_decay", type=float, default=0.03)
    ap.add_argument("--seq_len", type=int, default=128)
    args = ap.parse_args()

    cfg = BD3LMConfig(seq_len=args.seq_len)
    model = BD3LMFlax(cfg)
    rng = jax.random.PRNGKey(42)
    dummy = jnp.ones((1, args.seq_len), dtype=jnp.int32)
    params = model.init(rng, dummy, timesteps=jnp.zeros((1, 1)))["params"]
    state = TrainState.create(apply_fn=model.apply, params=params,
                              tx=make_tx(args.lr, args.weight_decay, 100, args.steps),
                              ema_decay=0.9999)
    step_fn = create_train_step(cfg, get_noise_schedule(cfg))
    for step in range(args.steps):
        rng, k = jax.random.split(rng)
        state, loss, metrics = step_fn(state, {"input_ids": dummy, "attention_mask": jnp.ones_like(dummy)}, k)
        if step % 100 == 0:
            print(step, float(loss))


if __name__ == "__main__":
    main()
