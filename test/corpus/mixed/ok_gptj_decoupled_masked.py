# Idiom seen in: kingoflolz/mesh-transformer-jax device_train.py
# Idiom seen in: kingoflolz/mesh-transformer-jax mesh_transformer/util.py
# What it reproduces: GPT-J's optax chain with the repo's weight decay on >1-dim params written with
#   optax.add_decayed_weights(mask=...) at the same place: after scale_by_adam (decoupled) and before scale(-1) and the
#   learning-rate schedule, so it is AdamW-style decay of the matrices only: clean.
import argparse
import json

import jax
import jax.numpy as jnp
import numpy as np
import optax

from mesh_transformer.transformer_shard import CausalTransformer
from tfrecord_loader import TFRecordNewInputs


def gpt3_schedule(warmup_steps, total_steps, peak_lr, end_lr):
    def sch(step):
        warmup_pct = jnp.clip(step, 0, warmup_steps) / warmup_steps
        anneal_pct = jnp.clip(step - warmup_steps, 0, total_steps) / total_steps
        return warmup_pct * peak_lr - (peak_lr - end_lr) * (1 - jnp.cos(jnp.pi * anneal_pct)) / 2
    return sch


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", type=str, default=None, help="Config file location")
    args = parser.parse_args()
    params = json.load(open(args.config))

    gradient_accumulation_steps = params.get("gradient_accumulation_steps", 1)
    weight_decay = params["weight_decay"]

    opt = optax.chain(
        optax.scale(1 / gradient_accumulation_steps),
        optax.clip_by_global_norm(1),
        optax.scale_by_adam(),
        optax.add_decayed_weights(weight_decay,
                                  mask=lambda p: jax.tree_util.tree_map(lambda x: x.ndim > 1, p)),
        optax.scale(-1),
        optax.scale_by_schedule(gpt3_schedule(params["warmup_steps"], params["anneal_steps"],
                                              params["lr"], params["end_lr"])),
    )
    params["optimizer"] = opt

    train_dataset = TFRecordNewInputs(f"data/{params['train_set']}",
                                      batch_size=(gradient_accumulation_steps, params["per_replica_batch"]),
                                      sample_size=params["seq"])
    network = CausalTransformer(params)
    for step in range(params["total_steps"]):
        data = train_dataset.get_samples()
        loss, _ = network.train({"obs": data[:, :, :-1], "target": data[:, :, 1:]})
        if step % 100 == 0:
            print(step, np.array(loss).mean())
