# Idiom seen in: weirayao/BDM train_flax.py
# Idiom seen in: weirayao/BDM models_flax/train_state.py
# What it reproduces: the create_train_step_cpu factory of that repo (loss_fn returning
#   (loss, (metrics, new_mutables)) to value_and_grad(has_aux=True)); a user adds an L2 penalty
#   but puts it only into the metrics dict, so it is logged and never differentiated.
#   The repository has no L2 term; this is a realistic user mistake in its idiom.
import argparse

import jax
import jax.numpy as jnp
import optax

from models_flax import BD3LMConfig, BD3LMFlax, get_noise_schedule
from models_flax.losses import diffusion_loss
from models_flax.train_state import TrainState


def create_train_step_cpu(cfg, noise_schedule, l2_coef):
    model = BD3LMFlax(cfg)

    def train_step(state, batch, rng):
        def loss_fn(params):
            loss, metrics, new_mutables = diffusion_loss(cfg, model, params, noise_schedule, batch, rng)
            l2_penalty = l2_coef * sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(params))  # expect: WD104
            metrics = dict(metrics, l2_penalty=l2_penalty)
            return loss, (metrics, new_mutables)

        (loss, (metrics, new_mutables)), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
        state = state.apply_gradients(grads=grads, mutable_state=new_mutables)
        return state, loss, metrics

    return jax.jit(train_step)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=1000)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--l2", type=float, default=1e-6)
    ap.add_argument("--seq_len", type=int, default=128)
    args = ap.parse_args()

    cfg = BD3LMConfig(seq_len=args.seq_len)
    noise_schedule = get_noise_schedule(cfg)
    model = BD3LMFlax(cfg)
    rng = jax.random.PRNGKey(0)
    dummy = jnp.ones((1, args.seq_len), dtype=jnp.int32)
    params = model.init(rng, dummy, timesteps=jnp.zeros((1, 1)))["params"]
    tx = optax.chain(optax.clip_by_global_norm(1.0), optax.adam(args.lr))
    state = TrainState.create(apply_fn=model.apply, params=params, tx=tx, ema_decay=0.999)

    train_step = create_train_step_cpu(cfg, noise_schedule, args.l2)
    for step in range(args.steps):
        rng, k = jax.random.split(rng)
        batch = {"input_ids": dummy, "attention_mask": jnp.ones_like(dummy)}
        state, loss, metrics = train_step(state, batch, k)
        if step % 50 == 0:
            print(step, float(loss), float(metrics["l2_penalty"]))


if __name__ == "__main__":
    main()
