# Idiom seen in: zsqdx/katago-transformer-tpu-nano train_jax.py
# What it reproduces: the repository's decay rule (_decay_mask_for_path: only "w" leaves outside
#   any "norm" scope) handed to optax.adamw as its mask, with lr/wd from argparse and a has_aux
#   loss that carries no penalty of its own. Clean: decoupled decay on matrices only.
import argparse

import jax
import jax.numpy as jnp
import optax

import configs
import jax_data
import jax_model


def _decay_mask_for_path(path):
    leaf = path[-1] if path else ""
    if leaf != "w":
        return False
    return not any("norm" in part for part in path)


def decay_mask(params):
    return jax.tree_util.tree_map_with_path(
        lambda kp, _: _decay_mask_for_path(tuple(getattr(k, "key", str(k)) for k in kp)), params)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--datadir", required=True)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--model-kind", type=str, default="b12c2048")
    parser.add_argument("--lr", type=float, default=2e-4)
    parser.add_argument("--wd", type=float, default=0.1)
    parser.add_argument("--warmup-steps", type=int, default=256)
    parser.add_argument("--total-steps", type=int, default=4096)
    args = parser.parse_args()

    cfg = configs.config_of_name[args.model_kind]
    params = jax_model.init_params(jax.random.PRNGKey(0), cfg, 19)
    schedule = optax.warmup_cosine_decay_schedule(0.0, args.lr, args.warmup_steps, args.total_steps)
    tx = optax.chain(
        optax.clip_by_global_norm(1.0),
        optax.adamw(schedule, b1=0.9, b2=0.95, weight_decay=args.wd, mask=decay_mask),
    )
    opt_state = tx.init(params)

    def scalar_loss(p, batch):
        policy_logits, value_logits = jax_model.forward(p, batch["binaryInputNCHW"])
        p_loss = optax.softmax_cross_entropy(policy_logits, batch["policyTargets"]).mean()
        v_loss = optax.softmax_cross_entropy(value_logits, batch["valueTargets"]).mean()
        return p_loss + v_loss, {"p_loss": p_loss, "v_loss": v_loss}

    @jax.jit
    def train_step(p, s, batch):
        (loss, metrics), grads = jax.value_and_grad(scalar_loss, has_aux=True)(p, batch)
        grad_norm = optax.global_norm(grads)
        updates, s = tx.update(grads, s, p)
        return optax.apply_updates(p, updates), s, loss, grad_norm

    for i, batch in enumerate(jax_data.read_npz_batches(args.datadir, args.batch_size)):
        params, opt_state, loss, gn = train_step(params, opt_state, batch)
        if i % 50 == 0:
            print(i, float(loss), float(gn))


if __name__ == "__main__":
    main()
