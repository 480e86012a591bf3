# Idiom seen in: zsqdx/katago-transformer-tpu-nano train_jax.py
# What it reproduces: argparse --lr/--wd, a scalar_loss with has_aux, a jitted step; the user
#   replaced the hand-rolled AdamW of the repository by optax.adamw (masked to "w" leaves outside
#   norms) but kept an L2 term over tree leaves in the loss: the weights decay twice.
#   The repository itself decays only inside its update; this is a realistic user mistake.
import argparse
import logging

import jax
import jax.numpy as jnp
import optax

import configs
import jax_data
import jax_model


def _decay_mask(params):
    def leaf_mask(path, _):
        names = [getattr(k, "key", str(k)) for k in path]
        return names[-1] == "w" and not any("norm" in n for n in names)
    return jax.tree_util.tree_map_with_path(leaf_mask, params)


def main():
    parser = argparse.ArgumentParser(description="JAX trainer for KataGo nano")
    parser.add_argument("--datadir", required=True)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--model-kind", type=str, default="b12c2048")
    parser.add_argument("--lr", type=float, default=2e-4)
    parser.add_argument("--wd", type=float, default=0.1)
    parser.add_argument("--l2", type=float, default=1e-5)
    parser.add_argument("--seed", type=int, default=1234)
    args = parser.parse_args()

    model_config = configs.config_of_name[args.model_kind]
    params = jax_model.init_params(jax.random.PRNGKey(args.seed), model_config, 19)
    tx = optax.adamw(args.lr, b1=0.9, b2=0.95, weight_decay=args.wd, mask=_decay_mask)
    opt_state = tx.init(params)

    def scalar_loss(p, batch):
        policy_logits, value_logits = jax_model.forward(p, batch["binaryInputNCHW"])
        p_loss = optax.softmax_cross_entropy(policy_logits, batch["policyTargets"]).mean()
        v_loss = optax.softmax_cross_entropy(value_logits, batch["valueTargets"]).mean()
        l2 = sum(jnp.sum(jnp.square(x)) for x in jax.tree_util.tree_leaves(p))  # expect: WD201
        loss = p_loss + v_loss + args.l2 * l2
        return loss, {"p_loss": p_loss, "v_loss": v_loss}

    @jax.jit
    def train_step(p, s, batch):
        (loss, metrics), grads = jax.value_and_grad(scalar_loss, has_aux=True)(p, batch)
        updates, s = tx.update(grads, s, p)
        return optax.apply_updates(p, updates), s, loss, metrics

    for i, batch in enumerate(jax_data.read_npz_batches(args.datadir, args.batch_size)):
        params, opt_state, loss, metrics = train_step(params, opt_state, batch)
        if i % 20 == 0:
            logging.info("step %d loss %.4f", i, float(loss))


if __name__ == "__main__":
    main()
