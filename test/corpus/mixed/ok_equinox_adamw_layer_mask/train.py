# Idiom seen in: atomicarchitects/nequix nequix/train.py
# What it reproduces: the yaml-configured Equinox training entry: model built from config keys,
#   optax.chain(clip_by_global_norm, adamw(schedule, weight_decay=config["weight_decay"],
#   mask=weight_decay_mask(model))), opt state initialised on eqx.filter(model, eqx.is_array),
#   eqx.filter_value_and_grad of a Huber energy loss, eqx.apply_updates.
# label-note: clean. adamw is decoupled (no WD202), masked to Linear weights (no WD203); the loss has no
#   explicit penalty (no WD201). The decay value comes from the yaml file at run time.
import argparse

import equinox as eqx
import jax
import jax.numpy as jnp
import optax
import yaml

from data import DataLoader, load_dataset
from model import EnergyModel, weight_decay_mask


@eqx.filter_jit
def loss(model, batch):
    energy = jax.vmap(model)(batch["species"])
    return jnp.mean(optax.losses.huber_loss(energy, batch["energy"], delta=0.1))


def train(config_path):
    with open(config_path) as f:
        config = yaml.safe_load(f)
    dataset = load_dataset(config["train_path"])
    loader = DataLoader(dataset, batch_size=config["batch_size"], shuffle=True)

    model = EnergyModel(
        jax.random.key(0), n_species=config["n_species"], dim=config["dim"], n_layers=config["n_layers"]
    )
    steps_per_epoch = len(dataset) // config["batch_size"]
    schedule = optax.warmup_cosine_decay_schedule(
        init_value=0.0,
        peak_value=config["learning_rate"],
        warmup_steps=config["warmup_epochs"] * steps_per_epoch,
        decay_steps=config["n_epochs"] * steps_per_epoch,
    )
    optim = optax.chain(
        optax.clip_by_global_norm(config["grad_clip_norm"]),
        optax.adamw(learning_rate=schedule, weight_decay=config["weight_decay"], mask=weight_decay_mask(model)),
    )
    opt_state = optim.init(eqx.filter(model, eqx.is_array))

    @eqx.filter_jit
    def train_step(model, opt_state, batch):
        loss_value, grads = eqx.filter_value_and_grad(loss)(model, batch)
        updates, opt_state = optim.update(grads, opt_state, eqx.filter(model, eqx.is_array))
        return eqx.apply_updates(model, updates), opt_state, loss_value

    for epoch in range(config["n_epochs"]):
        for batch in loader:
            model, opt_state, loss_value = train_step(model, opt_state, batch)
        print(f"epoch {epoch}: loss {float(loss_value):.5f}")
    eqx.tree_serialise_leaves(config.get("out", "model.eqx"), model)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("config_path", type=str)
    train(parser.parse_args().config_path)
