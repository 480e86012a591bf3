# Idiom seen in: kingoflolz/mesh-transformer-jax device_train.py
# Idiom seen in: kingoflolz/mesh-transformer-jax mesh_transformer/util.py
# What it reproduces: GPT-J's hand-built optax chain (scale_by_adam, decay on >1-dim params, scale(-1), scale_by_schedule);
#   the user replaces the repo's additive_weight_decay helper by optax.add_decayed_weights but appends it after the sign
#   flip and the schedule, so +wd*w is added to the final update: w grows by (1 + wd) each step (negative decay).
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


def matrices_only(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", type=str, default=None, help="Config file location")
    return parser.parse_args()


if __name__ == "__main__":
    args = parse_args()
    params = json.load(open(args.config))

    gradient_accumulation_steps = params.get("gradient_accumulation_steps", 1)
    warmup_steps = params["warmup_steps"]
    anneal_steps = params["anneal_steps"]
    lr = params["lr"]
    end_lr = params["end_lr"]
    weight_decay = params["weight_decay"]

    opt = optax.chain(
        optax.scale(1 / gradient_accumulation_steps),
        optax.clip_by_global_norm(1),
        optax.scale_by_adam(),
        optax.scale(-1),
        optax.scale_by_schedule(gpt3_schedule(warmup_steps, anneal_steps, lr, end_lr)),
        optax.add_decayed_weights(weight_decay, mask=matrices_only),  # expect: WD302
    )
    params["optimizer"] = opt

    train_dataset = TFRecordNewInputs(f"data/{params['train_set']}",
                                      batch_size=(gradient_accumulation_steps, params["per_replica_batch"]),
                                      sample_size=params["seq"])
    network = CausalTransformer(params)

    for step in range(params["total_steps"]):
        data = train_dataset.get_samples()
        loss, last_loss = network.train({"obs": data[:, :, :-1], "target": data[:, :, 1:]})
        if step % 100 == 0:
            print(step, np.array(loss).mean())
